package org.exactsync.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * One data point.
 *
 * @param name       metric name (see {@link MetricNames})
 * @param unit       unit
 * @param value      value
 * @param dimensions dimensions CloudWatch aggregates by (each distinct value is a billed metric: ids never go here);
 *                   the point is also counted without them
 * @param properties extra context searchable in the log line, not a metric dimension (ids only, never personal
 *                   data)
 */
public record MetricPoint(String name, MetricUnit unit, double value, Map<String, String> dimensions,
        Map<String, String> properties) {

    public MetricPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A count of one with context properties only. */
    public static MetricPoint one(String name, Map<String, String> properties) {
        return new MetricPoint(name, MetricUnit.COUNT, 1, Map.of(), properties);
    }
}
