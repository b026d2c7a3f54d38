package org.exactsync.exact;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Exact's six {@code X-RateLimit-*} headers of one response. Each is optional on its own: on a minutely 429 Exact
 * sends only the minutely trio (and at times none), so a missing header means "unknown", never 0
 * (docs/exact-reference.md §3.3, §8.2). Resets are epoch milliseconds.
 */
public record RateLimitHeaders(OptionalInt dailyLimit, OptionalInt dailyRemaining, Optional<Instant> dailyReset,
        OptionalInt minutelyLimit, OptionalInt minutelyRemaining, Optional<Instant> minutelyReset) {

    static RateLimitHeaders from(HttpReply reply) {
        return new RateLimitHeaders(
                count(reply, "X-RateLimit-Limit"),
                count(reply, "X-RateLimit-Remaining"),
                epochMillis(reply, "X-RateLimit-Reset"),
                count(reply, "X-RateLimit-Minutely-Limit"),
                count(reply, "X-RateLimit-Minutely-Remaining"),
                epochMillis(reply, "X-RateLimit-Minutely-Reset"));
    }

    public static RateLimitHeaders none() {
        return new RateLimitHeaders(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    private static OptionalInt count(HttpReply reply, String name) {
        Optional<String> v = reply.header(name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.get().strip()));
        } catch (NumberFormatException e) {
            // A garbled header is as good as a missing one; guessing 0 would stop the division for a day.
            return OptionalInt.empty();
        }
    }

    private static Optional<Instant> epochMillis(HttpReply reply, String name) {
        Optional<String> v = reply.header(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(v.get().strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
