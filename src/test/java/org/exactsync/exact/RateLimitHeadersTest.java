package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void readsAllSixHeadersWithResetsInEpochMilliseconds() {
        RateLimitHeaders h = RateLimitHeaders.from(FakeTransport.reply(200, "", Map.of(
                "x-ratelimit-limit", "5000", "X-RateLimit-Remaining", "4990", "X-RateLimit-Reset", "1683936000000",
                "X-RateLimit-Minutely-Limit", "60", "X-RateLimit-Minutely-Remaining", "59",
                "X-RateLimit-Minutely-Reset", "1683879540000")));

        assertThat(h.dailyLimit()).hasValue(5000);
        assertThat(h.dailyRemaining()).hasValue(4990);
        assertThat(h.dailyReset()).contains(Instant.parse("2023-05-13T00:00:00Z"));
        assertThat(h.minutelyLimit()).hasValue(60);
        assertThat(h.minutelyRemaining()).hasValue(59);
        assertThat(h.minutelyReset()).contains(Instant.parse("2023-05-12T08:19:00Z"));
    }

    @Test
    void aMissingOrGarbledHeaderIsUnknownNotZero() {
        RateLimitHeaders h = RateLimitHeaders.from(FakeTransport.reply(429, "", Map.of(
                "X-RateLimit-Minutely-Remaining", "0", "X-RateLimit-Remaining", "n/a")));

        assertThat(h.minutelyRemaining()).hasValue(0);
        assertThat(h.dailyRemaining()).isEmpty();
        assertThat(h.dailyLimit()).isEmpty();
        assertThat(h.dailyReset()).isEmpty();
        assertThat(h.minutelyReset()).isEmpty();
    }
}
