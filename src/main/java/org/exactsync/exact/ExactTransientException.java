package org.exactsync.exact;

/**
 * A failure that may pass (network, 502/503/504, token endpoint hiccup) after the retries were spent. When
 * {@link #outcomeUnknown()} is true the request may have been executed by Exact (a POST that timed out): Exact has
 * no idempotency key, so look the entity up before posting again (docs/exact-reference.md §8.4).
 */
public class ExactTransientException extends ExactException {

    private final boolean outcomeUnknown;

    public ExactTransientException(String message, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public ExactTransientException(String message, boolean outcomeUnknown) {
        this(message, outcomeUnknown, null);
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
