package org.exactsync.time;

import java.time.Duration;

/**
 * Waiting, injected so that retry and rate-budget logic can be tested without real delays and so that a scaled
 * clock (sandbox, benchmark) can compress simulated minutes into real seconds.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration} of the clock's time; a non-positive duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time: {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
