package org.exactsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exactsync.bench.lambda.LambdaScenarios;
import org.exactsync.bench.soak.ReliabilitySoak;
import org.exactsync.bench.soak.SoakReport;
import org.exactsync.bench.soak.SoakSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness: {@code ./mvnw verify -Pbench}. Drives each scenario against the sandbox and the local
 * DynamoDB (each on its own clock, see {@link Scenario#speed()}) and prints one table (also written to {@code target/benchmark-results.md}). Excluded from the normal test
 * run; the figures are counts from the sandbox's own counters, so they do not depend on the machine's speed.
 */
@Tag("bench")
class BenchmarkHarness {

    @Test
    void printsExactCallsPerOperation() throws Exception {
        int operations = Integer.getInteger("bench.operations", 20);
        // -Dbench.only=burst,tenants runs only the named parts (calls, overhead, coldstart, soak, burst, tenants,
        // onboarding, adoption, console);
        // -Dbench.scenarios=webhooks keeps, within "calls", only the scenarios whose name contains one of the words.
        Set<String> only = Set.of(System.getProperty("bench.only", "").split(",")).stream()
                .filter(s -> !s.isBlank()).collect(java.util.stream.Collectors.toSet());
        java.util.function.Predicate<String> runs = part -> only.isEmpty() || only.contains(part);
        String named = System.getProperty("bench.scenarios", "");
        List<String> tables = new ArrayList<>();
        if (runs.test("calls")) {
            List<ScenarioResult> results = new ArrayList<>();
            List<Scenario> scenarios = new ArrayList<>(FoundationScenarios.all());
            scenarios.addAll(RelationScenarios.all());
            scenarios.addAll(ProjectScenarios.all());
            scenarios.addAll(PaymentScenarios.all());
            scenarios.addAll(InvoiceScenarios.all());
            scenarios.addAll(InvoiceThroughputScenarios.all());
            scenarios.addAll(PaymentWebhookScenarios.all());
            if (!named.isBlank()) {
                List<String> words = List.of(named.split(","));
                scenarios.removeIf(s -> words.stream().noneMatch(w -> s.name().contains(w.trim())));
            }
            for (Scenario scenario : scenarios) {
                try (BenchEnvironment env = new BenchEnvironment(scenario.speed())) {
                    results.add(scenario.run(env, operations));
                }
            }
            tables.add(render(results));
        }
        if (runs.test("overhead")) {
            tables.add(renderOverhead(HandlerOverhead.measure(Integer.getInteger("bench.overhead-events", 300))));
        }
        if (runs.test("coldstart")) {
            tables.add(renderStart(ColdStartMeasurement.measure(Integer.getInteger("bench.warm-events", 300))));
        }
        // Issue 13's Lambda emulation: the month-end burst (both wait modes) and 1,000 tenants' scheduled rounds.
        if (runs.test("burst")) {
            tables.add(LambdaScenarios.burst());
        }
        if (runs.test("tenants")) {
            tables.add(LambdaScenarios.manyTenants());
        }
        // Issue 17's onboarding: index + matching calls next to one look-up per relation, the report's precision.
        if (runs.test("onboarding")) {
            tables.add(OnboardingBench.run());
        }
        // Issue 18's console: page latency against the local store and the Exact calls a view costs.
        if (runs.test("console")) {
            tables.add(ConsoleScenarios.measure(Integer.getInteger("bench.console-rows", 20_000),
                    Integer.getInteger("bench.console-requests", 200)));
        }
        // Issue 17's bulk adoption: a 10,000-relation upload to a division that holds most of them already.
        if (runs.test("adoption")) {
            tables.add(AdoptionBench.run(Integer.getInteger("bench.adoption-relations", 10_000)));
        }
        // Issue 8's reliability soak (5,000 events under faults), its own table; its four counts must be 0.
        SoakReport soak = runs.test("soak") ? ReliabilitySoak.run(SoakSettings.full()) : null;
        if (soak != null) {
            tables.add(soak.table());
        }
        String table = String.join("\n", tables) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-results.md"), table);
        if (soak != null) {
            assertThat(soak.clean()).as("soak: lost, duplicate, mismatched, broken token chains, older versions all 0").isTrue();
        }
    }

    private static String renderOverhead(Map<String, String> rows) {
        StringBuilder out = new StringBuilder("| warm handler, whole inbound pipeline (in-process) | events | wall p50 / p99"
                + " | own overhead p50 / p99 (without DynamoDB, Exact and budget waits) | DynamoDB calls per event"
                + " | Exact calls per event |\n|---|---:|---:|---:|---:|---:|\n");
        rows.forEach((operation, figures) -> out.append("| ").append(operation).append(" | ")
                .append(figures.replace(" events", "")).append(" |\n"));
        return out.toString();
    }

    private static String renderStart(Map<String, String> rows) {
        StringBuilder out = new StringBuilder("| packaged function (JVM, java21 runtime emulated) | measured |\n|---|---|\n");
        rows.forEach((measure, value) -> out.append("| ").append(measure).append(" | ").append(value).append(" |\n"));
        return out.toString();
    }

    private static String render(List<ScenarioResult> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | operations | Exact calls | calls per operation | 429s | note |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %s |%n", r.scenario(), r.operations(),
                    r.exactCalls(), r.callsPerOperation(), r.tooManyRequests(), r.note()));
        }
        return out.toString();
    }
}
