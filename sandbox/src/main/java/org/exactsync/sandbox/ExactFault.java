package org.exactsync.sandbox;

/**
 * An error the sandbox answers the way Exact does: an HTTP status and Exact's JSON body
 * {@code {"error":{"code":"","message":{"lang":"","value":"..."}}}} (docs/exact-reference.md §4.1). Business-rule
 * failures use 400 or, where Exact is known to, 500 (§4.2).
 */
public final class ExactFault extends RuntimeException {

    private final int status;
    private final boolean bare;

    public ExactFault(int status, String message) {
        this(status, message, false);
    }

    private ExactFault(int status, String message, boolean bare) {
        super(message);
        this.status = status;
        this.bare = bare;
    }

    public int status() {
        return status;
    }

    /**
     * True when the answer carries no Exact error body: the failure happened in front of or beneath Exact's
     * business logic (a gateway, a crashed server), so there is no {@code error.message.value} to read — which is
     * what tells a client a 500 is not a validation error (docs/exact-reference.md §4.2).
     */
    public boolean bare() {
        return bare;
    }

    /** An infrastructure failure (500, 502, 504…) answered with a plain error page instead of Exact's JSON. */
    public static ExactFault serverError(int status) {
        return new ExactFault(status, "Server error " + status, true);
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
