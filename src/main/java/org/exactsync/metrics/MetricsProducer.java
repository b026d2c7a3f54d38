package org.exactsync.metrics;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

/** CDI wiring: EMF lines on stdout, where Lambda's log capture (and the local run's console) picks them up. */
@ApplicationScoped
public class MetricsProducer {

    @Produces
    @ApplicationScoped
    Metrics metrics(Clock clock, MetricsConfig config, ObjectMapper json) {
        if (!config.enabled()) {
            return Metrics.none();
        }
        return new EmfMetrics(config.namespace(), clock, System.out::println, json);
    }
}
