package org.exactsync.exact;

/**
 * Base of every failure the Exact client reports. Messages carry ids (tenant, division, endpoint) and Exact's own
 * validation text, never tokens or personal data.
 */
public abstract class ExactException extends RuntimeException {

    protected ExactException(String message) {
        super(message);
    }

    protected ExactException(String message, Throwable cause) {
        super(message, cause);
    }
}
