package org.exactsync.store;

import java.time.Instant;

/**
 * A signed-in operator's console session, scoped by tenant.
 *
 * @param tenant    the tenant whose console it opens (a session never reads another tenant)
 * @param digest    SHA-256 (hex) of the session cookie's value; the value itself is never stored
 * @param csrf      the token every console write must carry (a form field, compared in constant time)
 * @param createdAt sign-in time
 * @param expiresAt end of the session (also the item's TTL)
 */
public record ConsoleSession(String tenant, String digest, String csrf, Instant createdAt, Instant expiresAt) {

    @Override
    public String toString() {
        // The CSRF token guards writes: keep it out of log lines.
        return "ConsoleSession[tenant=" + tenant + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
