package org.exactsync.exact;

/**
 * Exact answered 403: the consenting user lacks rights, the division is outside the app's granted companies
 * ("User division is not within division scope"), or the module is not licensed (docs/exact-reference.md §4.2, §7.1).
 * A person must change rights or the app's division selection in Exact; retrying does not help.
 */
public class ExactForbiddenException extends ExactValidationException {

    public ExactForbiddenException(String endpoint, String exactMessage) {
        super(403, endpoint, exactMessage);
    }
}
