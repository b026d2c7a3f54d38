package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:05Z");
    private static final BudgetKey KEY = new BudgetKey("client", 4711);

    private final AdjustableClock clock = AdjustableClock.frozenAt(T0);
    private final FakeCallBudgetStore store = new FakeCallBudgetStore();
    private final List<Duration> sleeps = new ArrayList<>();
    private ExactSettings.Budget settings = new ExactSettings.Budget(60, 5000, 0, Duration.ofMillis(500),
            Duration.ZERO);

    private CallBudget budget() {
        return new CallBudget(store, settings, clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }, () -> 0.5);
    }

    private static HttpReply headers(Map<String, String> headers) {
        return FakeTransport.reply(200, "", headers);
    }

    @Test
    void takesOneCallFromTheMinuteAndTheDay() {
        budget().acquire(KEY);

        assertThat(store.used(KEY, CallBudget.minuteWindow(T0))).isEqualTo(1);
        assertThat(store.used(KEY, CallBudget.dayWindow(T0))).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void waitsForTheNextClockMinuteWhenTheMinuteIsFull() {
        CallBudget budget = budget();
        for (int i = 0; i < 60; i++) {
            budget.acquire(KEY);
        }
        assertThat(sleeps).isEmpty();

        budget.acquire(KEY);

        assertThat(sleeps).hasSize(1);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
        assertThat(store.used(KEY, CallBudget.minuteWindow(clock.instant()))).isEqualTo(1);
    }

    @Test
    void addsJitterAfterTheMinuteBoundary() {
        settings = new ExactSettings.Budget(1, 5000, 0, Duration.ZERO, Duration.ofMillis(1000));
        CallBudget budget = budget();
        budget.acquire(KEY);

        budget.acquire(KEY);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T10:01:00.500Z"));
    }

    @Test
    void startsNoCallInTheLastMomentsOfAMinute() {
        clock.advance(Duration.ofMillis(54_700));

        budget().acquire(KEY);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
    }

    @Test
    void keepsTheSafetyMarginFree() {
        settings = new ExactSettings.Budget(60, 5000, 2, Duration.ZERO, Duration.ZERO);
        CallBudget budget = budget();
        for (int i = 0; i < 58; i++) {
            budget.acquire(KEY);
        }
        assertThat(sleeps).isEmpty();

        budget.acquire(KEY);

        assertThat(sleeps).hasSize(1);
    }

    @Test
    void usesTheLowerMinutelyLimitExactReports() {
        CallBudget budget = budget();
        budget.observe(KEY, RateLimitHeaders.from(headers(Map.of("X-RateLimit-Minutely-Limit", "20"))));

        assertThat(budget.minuteLimit(KEY)).isEqualTo(20);
        budget.observe(KEY, RateLimitHeaders.from(headers(Map.of("X-RateLimit-Minutely-Limit", "300"))));
        assertThat(budget.minuteLimit(KEY)).isEqualTo(60);
    }

    @Test
    void throwsWithTheUtcMidnightResetWhenTheDayIsSpent() {
        settings = new ExactSettings.Budget(60, 3, 0, Duration.ZERO, Duration.ZERO);
        CallBudget budget = budget();
        budget.acquire(KEY);
        budget.acquire(KEY);
        budget.acquire(KEY);

        assertThatThrownBy(() -> budget.acquire(KEY))
                .isInstanceOfSatisfying(ExactRateLimitedException.class, e -> assertThat(e.resetAt())
                        .isEqualTo(Instant.parse("2026-03-03T00:00:00Z")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void raisesTheSharedCountsToWhatExactSaysWasUsed() {
        CallBudget budget = budget();
        budget.observe(KEY, RateLimitHeaders.from(headers(Map.of(
                "X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "4000",
                "X-RateLimit-Reset", String.valueOf(Instant.parse("2026-03-03T00:00:00Z").toEpochMilli()),
                "X-RateLimit-Minutely-Limit", "60", "X-RateLimit-Minutely-Remaining", "15",
                "X-RateLimit-Minutely-Reset", String.valueOf(Instant.parse("2026-03-02T10:01:00Z").toEpochMilli())))));

        assertThat(store.used(KEY, CallBudget.minuteWindow(T0))).isEqualTo(45);
        assertThat(store.used(KEY, CallBudget.dayWindow(T0))).isEqualTo(1000);
    }

    @Test
    void neverLowersACountAndTreatsMissingHeadersAsUnknown() {
        CallBudget budget = budget();
        for (int i = 0; i < 10; i++) {
            budget.acquire(KEY);
        }
        budget.observe(KEY, RateLimitHeaders.from(headers(Map.of(
                "X-RateLimit-Minutely-Limit", "60", "X-RateLimit-Minutely-Remaining", "59",
                "X-RateLimit-Minutely-Reset", String.valueOf(Instant.parse("2026-03-02T10:01:00Z").toEpochMilli())))));
        budget.observe(KEY, RateLimitHeaders.from(headers(Map.of())));

        assertThat(store.used(KEY, CallBudget.minuteWindow(T0))).isEqualTo(10);
        assertThat(store.used(KEY, CallBudget.dayWindow(T0))).isEqualTo(10);
    }

    @Test
    void aTooManyRequestsAnswerFillsTheMinuteForEveryWorker() {
        CallBudget budget = budget();
        Instant reset = Instant.parse("2026-03-02T10:01:00Z");

        Instant retryAt = budget.onTooManyRequests(KEY, RateLimitHeaders.from(headers(Map.of(
                "X-RateLimit-Minutely-Limit", "60", "X-RateLimit-Minutely-Remaining", "0",
                "X-RateLimit-Minutely-Reset", String.valueOf(reset.toEpochMilli())))));

        assertThat(retryAt).isEqualTo(reset.plusSeconds(1));
        budget.acquire(KEY);
        assertThat(clock.instant()).isEqualTo(reset);
    }

    @Test
    void aTooManyRequestsWithoutHeadersWaitsForTheNextMinute() {
        Instant retryAt = budget().onTooManyRequests(KEY, RateLimitHeaders.none());

        assertThat(retryAt).isEqualTo(Instant.parse("2026-03-02T10:01:01Z"));
    }

    @Test
    void aTooManyRequestsWithTheDaySpentStopsUntilTheDailyReset() {
        Instant reset = Instant.parse("2026-03-03T00:00:00Z");

        assertThatThrownBy(() -> budget().onTooManyRequests(KEY, RateLimitHeaders.from(headers(Map.of(
                "X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(reset.toEpochMilli()))))))
                .isInstanceOfSatisfying(ExactRateLimitedException.class,
                        e -> assertThat(e.resetAt()).isEqualTo(reset));
        assertThatThrownBy(() -> budget().acquire(KEY)).isInstanceOf(ExactRateLimitedException.class);
    }

    @Test
    void divisionsHaveSeparateBudgets() {
        settings = new ExactSettings.Budget(1, 5000, 0, Duration.ZERO, Duration.ZERO);
        CallBudget budget = budget();
        budget.acquire(KEY);

        budget.acquire(new BudgetKey("client", 4712));

        assertThat(sleeps).isEmpty();
    }

    @Test
    void writesExactsCountOnlyWhenItMovedOnOrLittleIsLeft() {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        FakeCallBudgetStore counting = new FakeCallBudgetStore() {
            @Override
            public synchronized void raiseTo(BudgetKey key, String window, int used, Instant expiresAt) {
                writes.incrementAndGet();
                super.raiseTo(key, window, used, expiresAt);
            }
        };
        CallBudget budget = new CallBudget(counting, settings, clock, clock.sleeper(), () -> 0.0);
        String reset = String.valueOf(Instant.parse("2026-03-02T10:01:00Z").toEpochMilli());
        for (int remaining = 50; remaining >= 0; remaining--) {
            budget.observe(KEY, RateLimitHeaders.from(headers(Map.of("X-RateLimit-Minutely-Limit", "60",
                    "X-RateLimit-Minutely-Remaining", String.valueOf(remaining), "X-RateLimit-Minutely-Reset", reset))));
        }

        // First sight, every fifth call after it, and each of the last five.
        assertThat(writes.get()).isBetween(10, 16);
        assertThat(counting.used(KEY, CallBudget.minuteWindow(T0))).isEqualTo(60);
    }
}
