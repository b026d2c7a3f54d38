package org.exactsync.sandbox.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of counting one call: whether it may proceed and the {@code X-RateLimit-*} headers to send
 * (docs/exact-reference.md §3.3).
 *
 * @param allowed        false means answer 429
 * @param minutelyBreach the 429 is of the minutely kind (only the minutely headers are sent then)
 * @param dailyBreach    the 429 is of the daily kind (only the daily headers are sent then)
 */
public record RateDecision(
        boolean allowed,
        boolean minutelyBreach,
        boolean dailyBreach,
        int dailyLimit,
        int dailyRemaining,
        long dailyResetMillis,
        int minutelyLimit,
        int minutelyRemaining,
        long minutelyResetMillis) {

    /** The headers Exact sends with this outcome; resets are epoch milliseconds. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!minutelyBreach) {
            headers.put("X-RateLimit-Limit", Integer.toString(dailyLimit));
            headers.put("X-RateLimit-Remaining", Integer.toString(dailyRemaining));
            headers.put("X-RateLimit-Reset", Long.toString(dailyResetMillis));
        }
        if (!dailyBreach) {
            headers.put("X-RateLimit-Minutely-Limit", Integer.toString(minutelyLimit));
            headers.put("X-RateLimit-Minutely-Remaining", Integer.toString(minutelyRemaining));
            headers.put("X-RateLimit-Minutely-Reset", Long.toString(minutelyResetMillis));
        }
        return headers;
    }
}
