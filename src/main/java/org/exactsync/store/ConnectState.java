package org.exactsync.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending OAuth consent: the random {@code state} sent to Exact's consent page, remembered until Exact's redirect
 * brings it back to the callback. Single use: the callback consumes it.
 *
 * @param tenant    the tenant whose signed connect link started the consent
 * @param nonce     the random part of {@code state} (at least 128 bits)
 * @param createdAt when the consent was started
 * @param expiresAt after this the state is refused (also the TTL)
 */
public record ConnectState(String tenant, String nonce, Instant createdAt, Instant expiresAt) {

    public ConnectState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        // The nonce is a bearer secret until it is consumed: keep it out of log lines.
        return "ConnectState[tenant=" + tenant + ", expiresAt=" + expiresAt + "]";
    }
}
