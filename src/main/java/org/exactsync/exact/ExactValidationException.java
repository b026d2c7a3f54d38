package org.exactsync.exact;

/**
 * Exact rejected the request on its merits (400, 403, 405, or a 500 carrying {@code error.message.value}). Never
 * retried: every such call counts toward Exact's 10-errors-per-hour block on the endpoint (docs/exact-reference.md §3.5).
 */
public class ExactValidationException extends ExactException {

    private final int status;
    private final String endpoint;
    private final String exactMessage;

    public ExactValidationException(int status, String endpoint, String exactMessage) {
        super("Exact answered " + status + " on " + endpoint + ": " + exactMessage);
        this.status = status;
        this.endpoint = endpoint;
        this.exactMessage = exactMessage;
    }

    /** HTTP status Exact answered with. */
    public int status() {
        return status;
    }

    /** Method and entity path, e.g. {@code POST crm/Accounts} (no query, no division). */
    public String endpoint() {
        return endpoint;
    }

    /** Exact's text from {@code error.message.value} (often Dutch), or the raw reason when there was none. */
    public String exactMessage() {
        return exactMessage;
    }
}
