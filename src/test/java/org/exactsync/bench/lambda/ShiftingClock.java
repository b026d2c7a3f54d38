package org.exactsync.bench.lambda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.exactsync.time.Sleeper;

/**
 * The emulation's clock: like the harness's scaled clock, but its speed can change during a run, so that a burst
 * whose answer times matter runs near real time and the long drain after it runs fast. The time never jumps: a
 * change of speed starts a new segment where the last one ended. Its sleeper wakes by this clock, not by the real
 * time computed at the start of a sleep, so a sleep across a change of speed still ends at the right instant.
 */
final class ShiftingClock extends Clock {

    /** Real time between two looks at the clock while sleeping: short enough to follow a change of speed. */
    private static final long POLL_NANOS = 20_000_000;

    private volatile Segment segment;

    private record Segment(Instant start, long realStartNanos, double speed) {

        Instant at(long realNanos) {
            return start.plusNanos((long) ((realNanos - realStartNanos) * speed));
        }
    }

    ShiftingClock(Instant start, double speed) {
        segment = new Segment(start, System.nanoTime(), speed);
    }

    /** From now on the clock runs {@code speed} times real time. */
    synchronized void speed(double speed) {
        long now = System.nanoTime();
        segment = new Segment(segment.at(now), now, speed);
    }

    double speed() {
        return segment.speed();
    }

    @Override
    public Instant instant() {
        return segment.at(System.nanoTime());
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
        throw new UnsupportedOperationException("UTC only");
    }

    /** Real time that {@code duration} of this clock takes at the current speed. */
    long realNanos(Duration duration) {
        return (long) (duration.toNanos() / segment.speed());
    }

    /** Sleeps until this clock has moved on by the duration; interruptible like {@link Thread#sleep}. */
    Sleeper sleeper() {
        return duration -> sleepUntil(instant().plus(duration));
    }

    void sleepUntil(Instant until) throws InterruptedException {
        while (true) {
            Duration left = Duration.between(instant(), until);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            long nanos = Math.max(100_000, Math.min(POLL_NANOS, realNanos(left)));
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
