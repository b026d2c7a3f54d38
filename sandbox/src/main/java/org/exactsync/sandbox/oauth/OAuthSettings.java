package org.exactsync.sandbox.oauth;

import java.time.Duration;

/**
 * Lifetimes and limits of the simulated Exact OAuth server (docs/exact-reference.md §2.4–2.7).
 *
 * @param accessTokenLifetime      600 s at Exact
 * @param refreshWindow            a refresh is accepted only in the last 30 s of the access token's life
 * @param codeLifetime             authorization code, ~3 minutes, single use
 * @param refreshTokenIdleLifetime refresh tokens unused this long expire (≈30 days)
 * @param tokenCallsPerUserPerDay  token-endpoint calls per (app, user) per UTC day (200)
 * @param obsoleteRefreshGrace     UNCONFIRMED behaviour (§2.5), default off: the refresh token just replaced stays
 *                                 usable until the new access token is first used, and then returns the current
 *                                 pair again instead of breaking the chain
 * @param oldRefreshTokenStatus    status of "Old refresh token used.": 401 (picqer #644, default) or 400 (as
 *                                 Invantive reports it, §2.5)
 */
public record OAuthSettings(
        Duration accessTokenLifetime,
        Duration refreshWindow,
        Duration codeLifetime,
        Duration refreshTokenIdleLifetime,
        int tokenCallsPerUserPerDay,
        boolean obsoleteRefreshGrace,
        int oldRefreshTokenStatus) {

    /** Exact's values as documented, grace off. */
    public static OAuthSettings exactDefaults() {
        return new OAuthSettings(Duration.ofSeconds(600), Duration.ofSeconds(30), Duration.ofMinutes(3),
                Duration.ofDays(30), 200, false, 401);
    }

    public OAuthSettings withObsoleteRefreshGrace(boolean enabled) {
        return new OAuthSettings(accessTokenLifetime, refreshWindow, codeLifetime, refreshTokenIdleLifetime,
                tokenCallsPerUserPerDay, enabled, oldRefreshTokenStatus);
    }

    public OAuthSettings withTokenCallsPerUserPerDay(int limit) {
        return new OAuthSettings(accessTokenLifetime, refreshWindow, codeLifetime, refreshTokenIdleLifetime, limit,
                obsoleteRefreshGrace, oldRefreshTokenStatus);
    }

    public OAuthSettings withOldRefreshTokenStatus(int status) {
        return new OAuthSettings(accessTokenLifetime, refreshWindow, codeLifetime, refreshTokenIdleLifetime,
                tokenCallsPerUserPerDay, obsoleteRefreshGrace, status);
    }
}
