package org.exactsync.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Real-time sleeping for beans that take a {@link Sleeper}. A {@link DefaultBean}, so a test or the local run can
 * produce the sleeper of an {@link AdjustableClock} instead.
 */
@Singleton
public class SleeperProducer {

    @Produces
    @Singleton
    @DefaultBean
    Sleeper sleeper() {
        return Sleeper.system();
    }
}
