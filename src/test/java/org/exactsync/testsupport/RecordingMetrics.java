package org.exactsync.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exactsync.metrics.MetricPoint;
import org.exactsync.metrics.Metrics;

/** Keeps every recorded point in memory, for assertions. */
public final class RecordingMetrics implements Metrics {

    private final List<MetricPoint> points = new CopyOnWriteArrayList<>();

    @Override
    public void record(MetricPoint point) {
        points.add(point);
    }

    /** Every point so far, in order. */
    public List<MetricPoint> points() {
        return List.copyOf(points);
    }

    /** The points named {@code name}. */
    public List<MetricPoint> named(String name) {
        return points.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** Sum of the values of the points named {@code name}. */
    public double sum(String name) {
        return named(name).stream().mapToDouble(MetricPoint::value).sum();
    }
}
