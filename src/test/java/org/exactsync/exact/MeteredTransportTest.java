package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.exactsync.metrics.MetricNames;
import org.exactsync.metrics.MetricPoint;
import org.exactsync.testsupport.RecordingMetrics;
import org.junit.jupiter.api.Test;

class MeteredTransportTest {

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final FakeTransport inner = new FakeTransport();
    private final MeteredTransport transport = new MeteredTransport(inner, metrics);

    @Test
    void countsEveryAnsweredCallWithItsDivisionAndEvery429Separately() throws Exception {
        inner.thenReply(200, "{}").thenReply(429, "").thenReply(200, "{}");

        transport.send(call("/api/v1/100001/crm/Accounts"));
        transport.send(call("/api/v1/100002/crm/Accounts"));
        transport.send(call("/api/oauth2/token"));

        assertThat(metrics.named(MetricNames.EXACT_CALLS)).extracting(MetricPoint::properties).containsExactly(
                Map.of("division", "100001", "status", "200"), Map.of("division", "100002", "status", "429"),
                Map.of("division", "none", "status", "200"));
        assertThat(metrics.named(MetricNames.EXACT_THROTTLED)).extracting(MetricPoint::properties)
                .containsExactly(Map.of("division", "100002"));
    }

    private static HttpCall call(String path) {
        return new HttpCall("GET", URI.create("https://start.exactonline.nl" + path), Map.of(), null);
    }
}
