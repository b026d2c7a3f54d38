package org.exactsync.sandbox.oauth;

/**
 * A token-endpoint or authentication failure, answered in the OAuth shape
 * {@code {"error":"…","error_description":"…"}} (docs/exact-reference.md §2.8, §4.1).
 */
public final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
