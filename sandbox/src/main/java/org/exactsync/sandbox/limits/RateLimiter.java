package org.exactsync.sandbox.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact's call budgets per (client id, division): a clock-minute window and a UTC-day window (docs/exact-reference.md
 * §3.1, §3.3). Every call counts, including rejected ones, because Exact counts 4xx answers too; a call refused with
 * 429 still consumes a slot of the window it was refused in.
 */
public final class RateLimiter {

    private final Clock clock;
    private final Map<String, RateLimits> limitsByClient = new ConcurrentHashMap<>();
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private volatile RateLimits defaults;

    public RateLimiter(Clock clock, RateLimits defaults) {
        this.clock = clock;
        this.defaults = defaults;
    }

    /** Changes the budgets of every app without its own setting. */
    public void setDefaults(RateLimits limits) {
        this.defaults = limits;
    }

    /** Gives one app other budgets, as Exact does for apps with a higher agreement. */
    public void setLimits(String clientId, RateLimits limits) {
        limitsByClient.put(clientId, limits);
    }

    /** Counts one call and decides whether it may proceed. */
    public RateDecision count(String clientId, int division) {
        RateLimits limits = limitsByClient.getOrDefault(clientId, defaults);
        Instant now = clock.instant();
        long minute = now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long minuteReset = minute + 60_000L;
        long dayReset = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Window window = windows.computeIfAbsent(new Key(clientId, division), k -> new Window());
        synchronized (window) {
            if (window.minute != minute) {
                window.minute = minute;
                window.minuteCount = 0;
            }
            if (!day.equals(window.day)) {
                window.day = day;
                window.dayCount = 0;
            }
            window.minuteCount++;
            window.dayCount++;
            boolean dailyBreach = window.dayCount > limits.perDay();
            boolean minutelyBreach = !dailyBreach && window.minuteCount > limits.perMinute();
            return new RateDecision(
                    !dailyBreach && !minutelyBreach,
                    minutelyBreach,
                    dailyBreach,
                    limits.perDay(),
                    Math.max(0, limits.perDay() - window.dayCount),
                    dayReset,
                    limits.perMinute(),
                    Math.max(0, limits.perMinute() - window.minuteCount),
                    minuteReset);
        }
    }

    /** Forgets all counters (a test hook). */
    public void reset() {
        windows.clear();
    }

    private record Key(String clientId, int division) {
    }

    private static final class Window {
        private long minute = -1;
        private int minuteCount;
        private LocalDate day;
        private int dayCount;
    }
}
