package org.exactsync.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for the sandbox, tests and the benchmark: it runs {@code speed} times faster than real time from a chosen
 * start, and can be jumped forward. Speed 0 gives a frozen clock that moves only by {@link #advance(Duration)}.
 *
 * <p>Its {@link #sleeper()} sleeps the matching real time, so a component that waits for "the next Exact minute" waits
 * one real second at speed 60. Sharing one instance between the sandbox and the client keeps both on the same
 * simulated time, which is what lets a test run 30 Exact minutes in well under a minute.
 */
public final class AdjustableClock extends Clock {

    private final double speed;
    private final long realStartNanos;
    private final Instant simulatedStart;
    private volatile long jumpedMillis;

    private AdjustableClock(Instant start, double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be >= 0");
        }
        this.speed = speed;
        this.simulatedStart = start;
        this.realStartNanos = System.nanoTime();
    }

    /** A clock frozen at {@code start}; only {@link #advance(Duration)} moves it. */
    public static AdjustableClock frozenAt(Instant start) {
        return new AdjustableClock(start, 0);
    }

    /** A clock starting at {@code start} that runs {@code speed} times real time (1 = real time). */
    public static AdjustableClock running(Instant start, double speed) {
        return new AdjustableClock(start, speed);
    }

    /** Jumps the clock forward (never backwards). */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not run backwards");
        }
        jumpedMillis += duration.toMillis();
    }

    /** How many simulated seconds pass per real second (0 for a frozen clock). */
    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long realNanos = System.nanoTime() - realStartNanos;
        long simulatedMillis = (long) (realNanos / 1_000_000.0 * speed);
        return simulatedStart.plusMillis(simulatedMillis + jumpedMillis);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("AdjustableClock is UTC only");
    }

    /**
     * A sleeper in this clock's time: real sleep of {@code duration / speed}; on a frozen clock it advances the clock
     * instead, so single-threaded tests run instantly.
     */
    public Sleeper sleeper() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            if (speed == 0) {
                advance(duration);
                return;
            }
            long realNanos = (long) (duration.toNanos() / speed);
            long nanos = Math.max(realNanos, 100_000);
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        };
    }
}
