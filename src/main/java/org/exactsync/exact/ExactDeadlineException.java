package org.exactsync.exact;

import java.time.Instant;

/**
 * A call or wait was not started because it could not end before the invocation's deadline (less its margin): a
 * budget or 429 wait that would pass it, or a write with less than the minimum window left. Nothing was sent, so
 * the work is safe to do again from {@link #retryAt()} on; the flows answer it as waiting and the replayer finishes
 * it.
 */
public class ExactDeadlineException extends ExactException {

    private final Instant retryAt;

    public ExactDeadlineException(String message, Instant retryAt) {
        super(message + " (can go at " + retryAt + ")");
        this.retryAt = retryAt;
    }

    /** The earliest instant at which the call could go. */
    public Instant retryAt() {
        return retryAt;
    }
}
