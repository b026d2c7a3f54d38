package org.exactsync.crm.callback;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before the next delivery attempt: exponential from {@code initial}, capped at {@code max}, with "equal
 * jitter" (half fixed, half random) so that callbacks failing together against a CRM that was down do not all come
 * back in the same second when it recovers.
 */
final class CallbackBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    CallbackBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Delay after the {@code failedAttempts}-th failure (1 = the first). */
    Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
