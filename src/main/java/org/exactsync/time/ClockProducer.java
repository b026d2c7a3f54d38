package org.exactsync.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The system UTC clock for beans that take a {@link Clock}. A {@link DefaultBean}, so a test or the local run can
 * produce its own clock (e.g. an {@link AdjustableClock}) without an ambiguity error.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
