package org.exactsync.exact;

/** Exact answered 404: the key or endpoint does not exist (404s count toward the error block, so don't probe). */
public class ExactNotFoundException extends ExactValidationException {

    public ExactNotFoundException(String endpoint, String exactMessage) {
        super(404, endpoint, exactMessage);
    }
}
