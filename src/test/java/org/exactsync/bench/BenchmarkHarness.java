package org.exactsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        if ("cold-start".equals(System.getProperty("bench.only"))) {
            // -Dbench.only=cold-start: the packaged function's start figures alone (minutes instead of the whole run).
            String table = renderStart(ColdStartMeasurement.measure(Integer.getInteger("bench.warm-events", 300)));
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/benchmark-results.md"), table);
            return;
        }
        int operations = Integer.getInteger("bench.operations", 20);
        List<ScenarioResult> results = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>(FoundationScenarios.all());
        scenarios.addAll(RelationScenarios.all());
        scenarios.addAll(ProjectScenarios.all());
        scenarios.addAll(PaymentScenarios.all());
        scenarios.addAll(InvoiceScenarios.all());
        scenarios.addAll(InvoiceThroughputScenarios.all());
        for (Scenario scenario : scenarios) {
            try (BenchEnvironment env = new BenchEnvironment(scenario.speed())) {
                results.add(scenario.run(env, operations));
            }
        }
        String table = render(results) + "\n" + renderOverhead(HandlerOverhead.measure(
                Integer.getInteger("bench.overhead-events", 300))) + "\n" + renderStart(ColdStartMeasurement.measure(
                Integer.getInteger("bench.warm-events", 300)));
        // Issue 8's reliability soak (5,000 events under faults), its own table; its four counts must be 0.
        SoakReport soak = ReliabilitySoak.run(SoakSettings.full());
        table += "\n" + soak.table() + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-results.md"), table);
        assertThat(soak.clean()).as("soak: lost, duplicate, mismatched, broken token chains all 0").isTrue();
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
