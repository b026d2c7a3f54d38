package org.exactsync.sandbox;

/**
 * An error the sandbox answers the way Exact does: an HTTP status and Exact's JSON body
 * {@code {"error":{"code":"","message":{"lang":"","value":"..."}}}} (exact-online-api.md §4.1). Business-rule
 * failures use 400 or, where Exact is known to, 500 (§4.2).
 */
public final class ExactFault extends RuntimeException {

    private final int status;

    public ExactFault(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ExactFault badRequest(String message) {
        return new ExactFault(400, message);
    }

    /** A business rule Exact reports as HTTP 500 (e.g. "The financial year cannot be changed."). */
    public static ExactFault businessError500(String message) {
        return new ExactFault(500, message);
    }

    public static ExactFault notFound() {
        return new ExactFault(404, "Not found");
    }

    public static ExactFault methodNotAllowed() {
        return new ExactFault(405, "The requested resource does not support http method");
    }

    public static ExactFault forbidden(String message) {
        return new ExactFault(403, message);
    }
}
