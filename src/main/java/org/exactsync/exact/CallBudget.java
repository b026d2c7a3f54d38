package org.exactsync.exact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.exact.port.CallBudgetStore;
import org.exactsync.time.Sleeper;

/**
 * Exact's call limits, shared by every worker of every process: a count per clock minute and per UTC day for each
 * (app, division), kept in a {@link CallBudgetStore} with conditional atomic adds. Client-side throttling per process
 * still yields 429s when several processes share the division (docs/exact-reference.md §3.4), hence the shared store.
 */
public final class CallBudget {

    private static final int MINUTE_RAISE_STEP = 5;
    private static final int DAY_RAISE_STEP = 50;
    /** Exact's reset is read from Exact's clock; a second more keeps a slightly slow clock of ours from waking early. */
    private static final Duration RESET_SKEW = Duration.ofSeconds(1);

    private final CallBudgetStore store;
    private final ExactSettings.Budget settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final DeadlineGuard deadline;
    // What Exact last said the limits are; per instance, only ever lowers the configured limit.
    private final Map<BudgetKey, Integer> seenMinutelyLimit = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Integer> seenDailyLimit = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Instant> dayClosedUntil = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Raised> lastMinuteRaise = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Raised> lastDayRaise = new ConcurrentHashMap<>();

    public CallBudget(CallBudgetStore store, ExactSettings.Budget settings, Clock clock, Sleeper sleeper,
            DoubleSupplier random) {
        this(store, settings, clock, sleeper, random, DeadlineGuard.none(clock));
    }

    CallBudget(CallBudgetStore store, ExactSettings.Budget settings, Clock clock, Sleeper sleeper,
            DoubleSupplier random, DeadlineGuard deadline) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.deadline = deadline;
    }

    /**
     * Takes one call from the current minute and day. Waits (with the injected sleeper) while the minute is full;
     * throws {@link ExactRateLimitedException} when the day is spent, since waiting hours inside a call helps nobody,
     * and {@link ExactDeadlineException} when the minute ends too late for the invocation's deadline.
     */
    public void acquire(BudgetKey key) {
        while (true) {
            Instant now = clock.instant();
            Instant dayEnd = dayEnd(now);
            Instant closedUntil = dayClosedUntil.get(key);
            if (closedUntil != null && now.isBefore(closedUntil)) {
                throw new ExactRateLimitedException("daily Exact budget spent for division " + key.division(),
                        closedUntil);
            }
            Instant minuteEnd = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            if (Duration.between(now, minuteEnd).compareTo(settings.edgeGuard()) < 0) {
                waitUntil(key, minuteEnd);
                continue;
            }
            if (!store.tryTake(key, minuteWindow(now), minuteLimit(key), minuteEnd.plus(Duration.ofHours(1)))) {
                waitUntil(key, minuteEnd);
                continue;
            }
            if (!store.tryTake(key, dayWindow(now), dayLimit(key), dayEnd.plus(Duration.ofDays(1)))) {
                // Remembered here so that later calls fail without spending minute slots or store round trips.
                dayClosedUntil.put(key, dayEnd);
                throw new ExactRateLimitedException("daily Exact budget spent for division " + key.division(), dayEnd);
            }
            return;
        }
    }

    /**
     * Aligns the shared counts with what Exact reports after any response: Exact's count includes calls made by
     * processes we do not know about, so it only ever raises ours.
     */
    public void observe(BudgetKey key, RateLimitHeaders headers) {
        headers.minutelyLimit().ifPresent(limit -> seenMinutelyLimit.put(key, limit));
        headers.dailyLimit().ifPresent(limit -> seenDailyLimit.put(key, limit));
        if (headers.minutelyLimit().isPresent() && headers.minutelyRemaining().isPresent()
                && headers.minutelyReset().isPresent()) {
            // The reset is the end of the minute the call was counted in (by Exact's clock).
            Instant reset = headers.minutelyReset().get();
            int used = headers.minutelyLimit().getAsInt() - headers.minutelyRemaining().getAsInt();
            raise(key, minuteWindow(reset.minusMillis(1)), used, headers.minutelyRemaining().getAsInt(),
                    MINUTE_RAISE_STEP, reset.plus(Duration.ofHours(1)), lastMinuteRaise);
        }
        if (headers.dailyLimit().isPresent() && headers.dailyRemaining().isPresent()
                && headers.dailyReset().isPresent()) {
            Instant reset = headers.dailyReset().get();
            int used = headers.dailyLimit().getAsInt() - headers.dailyRemaining().getAsInt();
            raise(key, dayWindow(reset.minusMillis(1)), used, headers.dailyRemaining().getAsInt(), DAY_RAISE_STEP,
                    reset.plus(Duration.ofDays(1)), lastDayRaise);
        }
    }

    /**
     * Exact's count differs from ours only by callers outside this store, so writing it after every response would
     * double the store traffic for nothing: it is written when it moved on by a step, or when little is left.
     */
    private void raise(BudgetKey key, String window, int used, int remaining, int step, Instant expiresAt,
            Map<BudgetKey, Raised> last) {
        Raised previous = last.get(key);
        boolean sameWindow = previous != null && previous.window().equals(window);
        if (sameWindow && used < previous.used() + step && remaining > step) {
            return;
        }
        if (sameWindow && used <= previous.used()) {
            return;
        }
        store.raiseTo(key, window, used, expiresAt);
        last.put(key, new Raised(window, used));
    }

    private record Raised(String window, int used) {
    }

    /**
     * After a 429: marks the minute full for everyone and returns when to try again (Exact's minutely reset, or the
     * next minute when the header is missing). Throws when Exact says the day is spent.
     */
    public Instant onTooManyRequests(BudgetKey key, RateLimitHeaders headers) {
        observe(key, headers);
        if (headers.dailyRemaining().isPresent() && headers.dailyRemaining().getAsInt() <= 0) {
            Instant reset = headers.dailyReset().orElseGet(() -> dayEnd(clock.instant()));
            store.raiseTo(key, dayWindow(reset.minusMillis(1)), Integer.MAX_VALUE / 2, reset.plus(Duration.ofDays(1)));
            dayClosedUntil.put(key, reset);
            throw new ExactRateLimitedException("Exact reports the daily budget spent for division "
                    + key.division(), reset);
        }
        Instant now = clock.instant();
        Instant reset = headers.minutelyReset()
                .orElseGet(() -> now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
        Instant inWindow = reset.isAfter(now) ? reset.minusMillis(1) : now;
        store.raiseTo(key, minuteWindow(inWindow), Integer.MAX_VALUE / 2, reset.plus(Duration.ofHours(1)));
        return reset.plus(RESET_SKEW).plus(jitter());
    }

    /** Calls this instance considers allowed per minute for the key. */
    int minuteLimit(BudgetKey key) {
        int limit = Math.min(settings.perMinute(), seenMinutelyLimit.getOrDefault(key, Integer.MAX_VALUE));
        return Math.max(1, limit - settings.safetyMargin());
    }

    int dayLimit(BudgetKey key) {
        int limit = Math.min(settings.perDay(), seenDailyLimit.getOrDefault(key, Integer.MAX_VALUE));
        return Math.max(1, limit - settings.safetyMargin());
    }

    static String minuteWindow(Instant at) {
        return "M:" + at.getEpochSecond() / 60;
    }

    static String dayWindow(Instant at) {
        return "D:" + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant dayEnd(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void waitUntil(BudgetKey key, Instant instant) {
        deadline.beforeWait(instant, "waiting for the Exact call budget of division " + key.division());
        Duration wait = Duration.between(clock.instant(), instant).plus(jitter());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExactTransientException("interrupted while waiting for the Exact call budget", false, e);
        }
    }

    private Duration jitter() {
        return Duration.ofMillis((long) (random.getAsDouble() * settings.maxJitter().toMillis()));
    }
}
