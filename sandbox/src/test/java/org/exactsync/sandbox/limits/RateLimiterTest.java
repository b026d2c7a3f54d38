package org.exactsync.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:15:30Z"));
    private final RateLimiter limiter = new RateLimiter(clock, RateLimits.exactDefaults());

    @Test
    void reportsResetsInEpochMillisecondsAtNextMinuteAndNextUtcMidnight() {
        RateDecision decision = limiter.count("app", 1);
        assertThat(decision.headers())
                .containsEntry("X-RateLimit-Limit", "5000")
                .containsEntry("X-RateLimit-Remaining", "4999")
                .containsEntry("X-RateLimit-Reset", Long.toString(Instant.parse("2026-11-27T00:00:00Z").toEpochMilli()))
                .containsEntry("X-RateLimit-Minutely-Limit", "60")
                .containsEntry("X-RateLimit-Minutely-Remaining", "59")
                .containsEntry("X-RateLimit-Minutely-Reset",
                        Long.toString(Instant.parse("2026-11-26T10:16:00Z").toEpochMilli()));
    }

    @Test
    void refusesTheSixtyFirstCallOfAMinuteWithOnlyMinutelyHeaders() {
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.count("app", 1).allowed()).isTrue();
        }
        RateDecision refused = limiter.count("app", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.minutelyBreach()).isTrue();
        assertThat(refused.headers()).containsOnlyKeys("X-RateLimit-Minutely-Limit",
                "X-RateLimit-Minutely-Remaining", "X-RateLimit-Minutely-Reset");
    }

    @Test
    void recoversInTheNextClockMinute() {
        for (int i = 0; i < 61; i++) {
            limiter.count("app", 1);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.count("app", 1).allowed()).isTrue();
    }

    @Test
    void countsPerClientAndDivision() {
        for (int i = 0; i < 60; i++) {
            limiter.count("app", 1);
        }
        assertThat(limiter.count("app", 2).allowed()).isTrue();
        assertThat(limiter.count("other", 1).allowed()).isTrue();
        assertThat(limiter.count("app", 1).allowed()).isFalse();
    }

    @Test
    void refusesBeyondTheDailyBudgetWithOnlyDailyHeadersUntilUtcMidnight() {
        RateLimiter small = new RateLimiter(clock, new RateLimits(1000, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(small.count("app", 1).allowed()).isTrue();
        }
        clock.advance(Duration.ofHours(1));
        RateDecision refused = small.count("app", 1);
        assertThat(refused.dailyBreach()).isTrue();
        assertThat(refused.headers()).containsOnlyKeys("X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset");
        clock.advance(Duration.ofHours(13));
        assertThat(small.count("app", 1).allowed()).isTrue();
    }
}
