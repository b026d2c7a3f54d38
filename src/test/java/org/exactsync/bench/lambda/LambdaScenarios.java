package org.exactsync.bench.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 13's tables from the Lambda emulation, for the benchmark harness: the month-end burst with deadline-aware
 * and with inline waits side by side, and one scheduled round of each per-division schedule for 1,000 tenants with
 * 2 divisions each.
 */
public final class LambdaScenarios {

    private LambdaScenarios() {
    }

    /** The burst, once per wait mode, as one table with a column per mode. */
    public static String burst() throws Exception {
        List<MonthEndBurst.BurstFigures> variants = new ArrayList<>();
        for (WaitMode mode : WaitMode.values()) {
            variants.add(MonthEndBurst.run(mode));
        }
        StringBuilder out = new StringBuilder("| month-end burst in the Lambda emulation (new relations, then 10 "
                + "invoices each, 2 divisions, sent over 60 s)");
        variants.forEach(v -> out.append(" | ").append(v.mode().label));
        out.append(" |\n|---").append("|---:".repeat(variants.size())).append("|\n");
        for (String row : variants.get(0).rows().keySet()) {
            out.append("| ").append(row);
            variants.forEach(v -> out.append(" | ").append(v.rows().get(row)));
            out.append(" |\n");
        }
        return out.toString();
    }

    /** One round of the open-item poll and of the project-costs read-back for 1,000 tenants x 2 divisions. */
    public static String manyTenants() throws Exception {
        List<ManyTenantsRounds.Round> rounds = ManyTenantsRounds.run();
        StringBuilder out = new StringBuilder("| 1,000 tenants x 2 divisions, one scheduled round (Lambda emulation)");
        rounds.forEach(r -> out.append(" | ").append(r.function()));
        out.append(" |\n|---").append("|---:".repeat(rounds.size())).append("|\n");
        row(out, "period (schedule) / Timeout", rounds, r -> MonthEndBurst.seconds(r.period()) + " / "
                + MonthEndBurst.seconds(r.timeout()));
        row(out, "round took (schedule start to last invocation's end, emulated)", rounds,
                r -> MonthEndBurst.seconds(r.took()));
        row(out, "**finished within its period**", rounds, r -> r.inPeriod() ? "yes" : "no");
        row(out, "divisions reached", rounds, r -> r.divisionsReached() + " of " + r.divisions());
        row(out, "Exact calls per division reached (min / max)", rounds,
                r -> String.format(Locale.ROOT, "%.0f / %.0f", r.minCalls(), r.maxCalls()));
        row(out, "invocations / killed at their Timeout / cold starts / peak concurrency", rounds,
                r -> r.invocations() + " / " + r.killed() + " / " + r.coldStarts() + " / " + r.peak());
        row(out, "DynamoDB calls in the round (per division reached)", rounds,
                r -> String.format(Locale.ROOT, "%d (%.1f)", r.dynamoCalls(),
                        (double) r.dynamoCalls() / Math.max(1, r.divisionsReached())));
        row(out, "Exact 429s", rounds, r -> String.valueOf(r.tooMany()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<ManyTenantsRounds.Round> rounds,
            java.util.function.Function<ManyTenantsRounds.Round, String> value) {
        out.append("| ").append(label);
        rounds.forEach(r -> out.append(" | ").append(value.apply(r)));
        out.append(" |\n");
    }
}
