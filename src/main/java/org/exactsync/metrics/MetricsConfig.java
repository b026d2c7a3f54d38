package org.exactsync.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The connector's metrics ({@code connector.metrics.*}, docs/operations.md). */
@ConfigMapping(prefix = "connector.metrics")
public interface MetricsConfig {

    /** CloudWatch namespace of the Embedded Metric Format lines. Default {@code ExactConnector}. */
    @WithDefault("ExactConnector")
    String namespace();

    /** Whether metric lines are written at all; tests and the local console switch them off. Default true. */
    @WithDefault("true")
    boolean enabled();
}
