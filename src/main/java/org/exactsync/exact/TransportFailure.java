package org.exactsync.exact;

/**
 * No HTTP response arrived. {@link #mayHaveReachedExact()} is false only when the request provably never left
 * (connection refused, connect timeout): a read timeout or reset means Exact may have executed it.
 */
final class TransportFailure extends Exception {

    private final boolean mayHaveReachedExact;

    TransportFailure(String message, boolean mayHaveReachedExact, Throwable cause) {
        super(message, cause);
        this.mayHaveReachedExact = mayHaveReachedExact;
    }

    boolean mayHaveReachedExact() {
        return mayHaveReachedExact;
    }
}
