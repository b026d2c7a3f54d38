package org.exactsync.exact;

import java.time.Instant;

/** The division's call budget is spent until {@link #resetAt()} (normally the daily window; 00:00 UTC at Exact). */
public class ExactRateLimitedException extends ExactException {

    private final Instant resetAt;

    public ExactRateLimitedException(String message, Instant resetAt) {
        super(message + " (resets at " + resetAt + ")");
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
