package org.exactsync.metrics;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CDI wiring: EMF lines on stdout, where Lambda's log capture (and the local run's console) picks them up. */
@ApplicationScoped
public class MetricsProducer {

    @Produces
    @ApplicationScoped
    Metrics metrics(Clock clock,
            @ConfigProperty(name = "connector.metrics.namespace", defaultValue = "ExactConnector") String namespace,
            @ConfigProperty(name = "connector.metrics.enabled", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return Metrics.none();
        }
        return new EmfMetrics(namespace, clock, System.out::println);
    }
}
