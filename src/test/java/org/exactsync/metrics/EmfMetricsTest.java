package org.exactsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("ExactConnector",
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), lines::add, new ObjectMapper());

    @Test
    void writesOneEmbeddedMetricFormatLinePublishedWithAndWithoutItsDimensions() throws Exception {
        metrics.record(new MetricPoint(MetricNames.EVENTS_FAILED, MetricUnit.COUNT, 1, Map.of("Tenant", "acme"),
                Map.of("eventId", "evt-1")));

        assertThat(lines).hasSize(1).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        JsonNode root = new ObjectMapper().readTree(lines.get(0));
        JsonNode directive = root.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(root.get("_aws").get("Timestamp").asLong()).isEqualTo(1795687200000L);
        assertThat(directive.get("Namespace").asText()).isEqualTo("ExactConnector");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[],[\"Tenant\"]]");
        assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo("EventsFailed");
        assertThat(directive.get("Metrics").get(0).get("Unit").asText()).isEqualTo("Count");
        assertThat(root.get("EventsFailed").asDouble()).isEqualTo(1.0);
        assertThat(root.get("Tenant").asText()).isEqualTo("acme");
        assertThat(root.get("eventId").asText()).isEqualTo("evt-1");
    }

    @Test
    void aBrokenSinkNeverBreaksTheWorkBeingMeasured() {
        EmfMetrics broken = new EmfMetrics("N", Clock.systemUTC(), line -> {
            throw new IllegalStateException("stdout closed");
        }, new ObjectMapper());

        broken.record(MetricPoint.one(MetricNames.EXACT_CALLS, Map.of()));

        assertThat(lines).isEmpty();
    }
}
