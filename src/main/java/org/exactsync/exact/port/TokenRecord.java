package org.exactsync.exact.port;

import java.time.Instant;

/**
 * The stored state of one token chain. {@code version} increases on every write and is the compare-and-swap guard
 * for all of them; {@code leaseOwner}/{@code leaseUntil} mark the single process allowed to call Exact's token
 * endpoint right now.
 *
 * @param accessToken      current bearer token (never logged)
 * @param accessExpiresAt  when Exact stops accepting it: time the token response was received + {@code expires_in}
 * @param refreshToken     the single-use refresh token that goes with it (never logged)
 * @param refreshedAt      when this token pair was obtained (keep-alive and refresh-window decisions)
 * @param status           {@link ConnectionStatus#ACTIVE} or {@link ConnectionStatus#NEEDS_CONSENT}
 * @param statusReason     human text for a connection that needs consent (no secrets)
 * @param leaseOwner       process holding the refresh lease, or null
 * @param leaseUntil       lease expiry; an expired lease may be taken over
 * @param version          optimistic-lock version
 */
public record TokenRecord(
        TokenKey key,
        String accessToken,
        Instant accessExpiresAt,
        String refreshToken,
        Instant refreshedAt,
        ConnectionStatus status,
        String statusReason,
        String leaseOwner,
        Instant leaseUntil,
        long version) {

    public boolean leasedAt(Instant now) {
        return leaseOwner != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    @Override
    public String toString() {
        // Tokens are secrets: never let them reach a log line through toString().
        return "TokenRecord[key=" + key + ", accessExpiresAt=" + accessExpiresAt + ", refreshedAt=" + refreshedAt
                + ", status=" + status + ", leaseOwner=" + leaseOwner + ", leaseUntil=" + leaseUntil
                + ", version=" + version + "]";
    }
}
