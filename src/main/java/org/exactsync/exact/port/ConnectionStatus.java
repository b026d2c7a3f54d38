package org.exactsync.exact.port;

/** Whether a connection's token chain can be used. */
public enum ConnectionStatus {
    /** Tokens usable or refreshable. */
    ACTIVE,
    /** The chain is broken (superseded or expired refresh token, revoked consent): a person must consent again. */
    NEEDS_CONSENT
}
