package org.exactsync.exact;

/**
 * The token endpoint did not hand out tokens. {@link Kind#CHAIN_BROKEN}: the refresh token (or code) is dead and only
 * a new consent helps; {@link Kind#TOO_EARLY}: Exact's 570-second rule refused us, the chain is intact;
 * {@link Kind#CLIENT_REJECTED}: our app credentials are wrong (the chain may be fine);
 * {@link Kind#TRANSIENT}: try again later (with {@code outcomeUnknown} when the refresh may have been executed).
 */
final class TokenEndpointException extends Exception {

    enum Kind { CHAIN_BROKEN, CLIENT_REJECTED, TOO_EARLY, TRANSIENT }

    private final Kind kind;
    private final boolean outcomeUnknown;

    TokenEndpointException(Kind kind, String reason, boolean outcomeUnknown, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.outcomeUnknown = outcomeUnknown;
    }

    Kind kind() {
        return kind;
    }

    boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
