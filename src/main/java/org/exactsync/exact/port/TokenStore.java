package org.exactsync.exact.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for OAuth token custody. Every write is a single-item conditional write on {@link TokenRecord#version()}, so
 * any number of processes can share one chain without two of them ever refreshing with the same refresh token.
 */
public interface TokenStore {

    Optional<TokenRecord> find(TokenKey key);

    /**
     * Stores a fresh chain after a consent (authorization-code exchange), replacing whatever was there, with
     * version = previous + 1 (or 1).
     */
    TokenRecord saveConsented(TokenKey key, String accessToken, Instant accessExpiresAt, String refreshToken, Instant now);

    /**
     * Takes the refresh lease if the record still has {@code expectedVersion} and no live lease. Returns the leased
     * record (version + 1) or empty when another process got there first.
     */
    Optional<TokenRecord> tryLease(TokenKey key, long expectedVersion, String owner, Instant leaseUntil, Instant now);

    /**
     * Stores the new token pair from a refresh made under the lease and releases it. Conditional on the version of
     * the leased record and the owner; returns the new record, or empty if the lease was lost (then the caller's
     * tokens must not be used: another process owns the chain now).
     */
    Optional<TokenRecord> saveRefreshed(TokenKey key, long leasedVersion, String owner, String accessToken,
            Instant accessExpiresAt, String refreshToken, Instant now);

    /** Releases a lease without new tokens (the refresh failed transiently). Conditional like {@link #saveRefreshed}. */
    boolean releaseLease(TokenKey key, long leasedVersion, String owner);

    /** Marks the chain as needing a new consent (conditional on the version the caller saw). */
    boolean markNeedsConsent(TokenKey key, long expectedVersion, String reason);

    /**
     * Deletes a chain that no connection uses any more (another user or site consented for the tenant): its refresh
     * token must not outlive the consent that replaced it.
     */
    void delete(TokenKey key);
}
