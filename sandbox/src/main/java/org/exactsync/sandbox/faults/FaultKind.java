package org.exactsync.sandbox.faults;

/** What an injected fault does to a call. */
public enum FaultKind {
    /** Adds latency, then serves the call normally. */
    LATENCY,
    /** Answers an HTTP status (500, 502, 503, 504) without touching any data. */
    STATUS,
    /** Answers 429 with minutely headers at zero, as if another process had used the minute's budget. */
    TOO_MANY_REQUESTS,
    /**
     * Applies the call (a POST books), then either drops the connection without any response or delays the response
     * past the client's timeout: the case that makes idempotency necessary (docs/exact-reference.md §8.4).
     */
    TIMEOUT_AFTER_COMMIT
}
