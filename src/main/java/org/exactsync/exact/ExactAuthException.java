package org.exactsync.exact;

/** Exact refused our access token (401) although our records said it was valid, and no newer token exists. */
public class ExactAuthException extends ExactException {

    public ExactAuthException(String message) {
        super(message);
    }
}
