package org.exactsync.metrics;

/**
 * Port for operational metrics (Exact calls, 429s, failed events, backlog age). In AWS the points become CloudWatch
 * Embedded Metric Format lines ({@link EmfMetrics}); tests record them in memory. Recording never throws: a metric
 * must not break the work it measures.
 */
public interface Metrics {

    /** Records one data point. */
    void record(MetricPoint point);

    /** Records nothing: for plain tests and tools that do not watch metrics. */
    static Metrics none() {
        return point -> { };
    }
}
