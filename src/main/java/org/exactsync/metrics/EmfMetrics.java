package org.exactsync.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.logging.SafeStackTrace;
import org.jboss.logging.Logger;

/**
 * Writes each point as one CloudWatch Embedded Metric Format line. Lambda sends stdout to CloudWatch Logs, which
 * extracts the metric from the line: no API call, no extra latency, no PutMetricData permission. The line must be the
 * bare JSON object (not inside a log record), so it goes to the sink directly, not through the logger.
 *
 * <p>Every point is published twice: without dimensions (the deployment total the alarms watch) and, when it has
 * dimensions, per their values.
 */
public final class EmfMetrics implements Metrics {

    private static final Logger LOG = Logger.getLogger(EmfMetrics.class);

    private final String namespace;
    private final Clock clock;
    private final Consumer<String> sink;
    private final ObjectMapper json;

    public EmfMetrics(String namespace, Clock clock, Consumer<String> sink, ObjectMapper json) {
        this.namespace = namespace;
        this.clock = clock;
        this.sink = sink;
        this.json = json;
    }

    @Override
    public void record(MetricPoint point) {
        try {
            sink.accept(line(point));
        } catch (RuntimeException | JsonProcessingException broken) {
            LOG.debugf("metric %s not written: %s", point.name(), SafeStackTrace.of(broken));
        }
    }

    /** The EMF JSON line for {@code point}. */
    String line(MetricPoint point) throws JsonProcessingException {
        List<List<String>> dimensionSets = new ArrayList<>();
        dimensionSets.add(List.of());
        if (!point.dimensions().isEmpty()) {
            dimensionSets.add(List.copyOf(point.dimensions().keySet()));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", dimensionSets);
        directive.put("Metrics", List.of(Map.of("Name", point.name(), "Unit", point.unit().cloudWatchName())));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
        // Properties first so a dimension or the value always wins over a property of the same name.
        root.putAll(point.properties());
        root.putAll(point.dimensions());
        root.put(point.name(), point.value());
        return json.writeValueAsString(root);
    }
}
