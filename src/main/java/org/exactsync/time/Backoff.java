package org.exactsync.time;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The one back-off of the connector (callback deliveries, calls to Exact, replays of failed events): the delay
 * doubles from {@code initial} with every failure, capped at {@code max}, with "equal jitter" (half fixed, half
 * random) so that work failing together against a peer that was down does not all come back in the same second.
 */
public final class Backoff {

    private static final int MAX_DOUBLINGS = 30;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** {@code random} gives values in [0, 1): {@code Math::random} in production, a fixed value in tests. */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Delay after the {@code failedAttempts}-th failure (1 = the first), jittered within its upper half. */
    public Duration after(int failedAttempts) {
        long ceiling = ceiling(initial, max, failedAttempts).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    /**
     * The un-jittered delay after the {@code failedAttempts}-th failure: {@code initial} doubled once per failure
     * after the first, never above {@code max}. For schedules that re-check on their own timer rather than in a herd.
     */
    public static Duration ceiling(Duration initial, Duration max, int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        long initialMillis = initial.toMillis();
        long grown = initialMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : initialMillis << doublings;
        return Duration.ofMillis(Math.min(max.toMillis(), grown));
    }
}
