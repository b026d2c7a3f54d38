package org.exactsync.sandbox.faults;

import java.time.Duration;

/**
 * One fault to inject. Built fluently: {@code FaultRule.status(503).on("POST", "crm/Accounts").times(2)}.
 *
 * @param method      HTTP method it applies to, or null for all
 * @param endpoint    endpoint path (e.g. {@code crm/Accounts}), or null for all
 * @param kind        what happens
 * @param status      the status for {@link FaultKind#STATUS}
 * @param delay       latency for {@link FaultKind#LATENCY}; for {@link FaultKind#TIMEOUT_AFTER_COMMIT} the delay
 *                    before the (late) response, or zero to drop the connection without a response
 * @param times       how many matching calls it hits, -1 for every matching call
 * @param probability chance (0..1) that a matching call is hit, drawn from the sandbox's seeded Random
 */
public record FaultRule(
        String method,
        String endpoint,
        FaultKind kind,
        int status,
        Duration delay,
        int times,
        double probability) {

    /** Answer {@code status} (500, 502, 503, 504…) instead of serving the call. */
    public static FaultRule status(int status) {
        return new FaultRule(null, null, FaultKind.STATUS, status, Duration.ZERO, -1, 1.0);
    }

    /** Serve the call after {@code delay} (real time, through the sandbox's sleeper). */
    public static FaultRule latency(Duration delay) {
        return new FaultRule(null, null, FaultKind.LATENCY, 0, delay, -1, 1.0);
    }

    /** Answer 429 as a minutely breach. */
    public static FaultRule tooManyRequests() {
        return new FaultRule(null, null, FaultKind.TOO_MANY_REQUESTS, 429, Duration.ZERO, -1, 1.0);
    }

    /** Apply the write, then drop the connection without sending a response. */
    public static FaultRule dropAfterCommit() {
        return new FaultRule(null, null, FaultKind.TIMEOUT_AFTER_COMMIT, 0, Duration.ZERO, -1, 1.0);
    }

    /** Apply the write, then hold the response for {@code delay} (longer than the client's timeout). */
    public static FaultRule delayAfterCommit(Duration delay) {
        return new FaultRule(null, null, FaultKind.TIMEOUT_AFTER_COMMIT, 0, delay, -1, 1.0);
    }

    /** Restricts the rule to one method and endpoint (either may be null for "any"). */
    public FaultRule on(String method, String endpoint) {
        return new FaultRule(method, endpoint, kind, status, delay, times, probability);
    }

    /** Hits only the next {@code count} matching calls. */
    public FaultRule times(int count) {
        return new FaultRule(method, endpoint, kind, status, delay, count, probability);
    }

    /** Hits a matching call with this probability. */
    public FaultRule withProbability(double chance) {
        return new FaultRule(method, endpoint, kind, status, delay, times, chance);
    }

    boolean matches(String requestMethod, String requestEndpoint) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (endpoint == null || endpoint.equals(requestEndpoint));
    }
}
