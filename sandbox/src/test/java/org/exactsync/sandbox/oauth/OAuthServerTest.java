package org.exactsync.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.exactsync.sandbox.SandboxUser;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

class OAuthServerTest {

    private static final String REDIRECT = "https://app.example.test/cb";
    private static final SandboxUser USER = new SandboxUser(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "user1", "User One", "u1@example.test", 1, Set.of(1));

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    private OAuthServer server = server(OAuthSettings.exactDefaults());

    private OAuthServer server(OAuthSettings settings) {
        return new OAuthServer(clock, 7, List.of(new OAuthClient("cid", "secret", REDIRECT)), List.of(USER),
                settings);
    }

    private String code() {
        String location = server.authorize("cid", REDIRECT, "code", "xyz", null);
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private TokenResponse exchange(String code) {
        return server.token(Map.of("grant_type", "authorization_code", "client_id", "cid", "client_secret", "secret",
                "code", java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8),
                "redirect_uri", REDIRECT));
    }

    private TokenResponse refresh(String refreshToken) {
        return server.token(Map.of("grant_type", "refresh_token", "client_id", "cid", "client_secret", "secret",
                "refresh_token", refreshToken));
    }

    private static void assertOAuthError(ThrowingCallable call, int status, String error, String description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.description()).startsWith(description);
        });
    }

    @Test
    void redirectsWithCodeAndEchoedState() {
        String location = server.authorize("cid", REDIRECT, "code", "my-state", null);
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=my-state");
    }

    @Test
    void issuesSixHundredSecondTokens() {
        TokenResponse tokens = exchange(code());
        assertThat(tokens.expiresInSeconds()).isEqualTo(600);
        assertThat(server.authenticate(tokens.accessToken()).user()).isEqualTo(USER);
    }

    @Test
    void codeIsSingleUse() {
        String code = code();
        exchange(code);
        assertOAuthError(() -> exchange(code), 400, "invalid_grant", "Bad Request");
    }

    @Test
    void codeExpiresAfterThreeMinutes() {
        String code = code();
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertOAuthError(() -> exchange(code), 400, "invalid_grant", "Bad Request");
    }

    @Test
    void rejectsWrongClientSecret() {
        assertOAuthError(() -> server.token(Map.of("grant_type", "authorization_code", "client_id", "cid",
                "client_secret", "wrong", "code", code(), "redirect_uri", REDIRECT)), 401, "invalid_client", "");
    }

    @Test
    void refusesRefreshBeforeLastThirtySecondsWithoutConsumingTheToken() {
        TokenResponse tokens = exchange(code());
        clock.advance(Duration.ofSeconds(569));
        assertOAuthError(() -> refresh(tokens.refreshToken()), 401, "invalid_request", "Access Token not expired");
        clock.advance(Duration.ofSeconds(1));
        assertThat(refresh(tokens.refreshToken()).refreshToken()).isNotEqualTo(tokens.refreshToken());
    }

    @Test
    void rotatesRefreshTokensOnEveryRefresh() {
        TokenResponse first = exchange(code());
        clock.advance(Duration.ofSeconds(580));
        TokenResponse second = refresh(first.refreshToken());
        clock.advance(Duration.ofSeconds(580));
        TokenResponse third = refresh(second.refreshToken());
        assertThat(List.of(first.refreshToken(), second.refreshToken(), third.refreshToken())).doesNotHaveDuplicates();
        assertThat(server.chains().get(0).rotations()).isEqualTo(2);
    }

    @Test
    void reusingASupersededRefreshTokenBreaksTheWholeChain() {
        TokenResponse first = exchange(code());
        clock.advance(Duration.ofSeconds(580));
        TokenResponse second = refresh(first.refreshToken());
        assertOAuthError(() -> refresh(first.refreshToken()), 401, "unauthorized_client", "Old refresh token used.");
        clock.advance(Duration.ofSeconds(580));
        assertOAuthError(() -> refresh(second.refreshToken()), 401, "unauthorized_client", "Old refresh token used.");
        assertThat(server.brokenChains()).isEqualTo(1);
    }

    @Test
    void answersOldRefreshTokenWith400WhenConfiguredLikeInvantiveSawIt() {
        server = server(OAuthSettings.exactDefaults().withOldRefreshTokenStatus(400));
        TokenResponse first = exchange(code());
        clock.advance(Duration.ofSeconds(580));
        refresh(first.refreshToken());
        assertOAuthError(() -> refresh(first.refreshToken()), 400, "unauthorized_client", "Old refresh token used.");
    }

    @Test
    void obsoleteRefreshGraceReturnsTheCurrentPairUntilTheNewAccessTokenIsUsed() {
        server = server(OAuthSettings.exactDefaults().withObsoleteRefreshGrace(true));
        TokenResponse first = exchange(code());
        clock.advance(Duration.ofSeconds(580));
        TokenResponse second = refresh(first.refreshToken());
        assertThat(refresh(first.refreshToken())).isEqualTo(new TokenResponse(second.accessToken(),
                second.refreshToken(), 600));
        server.authenticate(second.accessToken());
        assertOAuthError(() -> refresh(first.refreshToken()), 401, "unauthorized_client", "Old refresh token used.");
    }

    @Test
    void capsTokenCallsPerUserPerUtcDay() {
        server = server(OAuthSettings.exactDefaults().withTokenCallsPerUserPerDay(3));
        TokenResponse tokens = exchange(code());
        refreshTooEarly(tokens);
        refreshTooEarly(tokens);
        assertOAuthError(() -> refresh(tokens.refreshToken()), 429, "invalid_request", "The maximum number");
        assertThat(server.tokenCalls("cid", USER.userId(), LocalDate.of(2026, 11, 26))).isEqualTo(4);
        clock.advance(Duration.ofDays(1));
        assertThat(refresh(tokens.refreshToken())).isNotNull();
    }

    private void refreshTooEarly(TokenResponse tokens) {
        assertThatThrownBy(() -> refresh(tokens.refreshToken())).isInstanceOf(OAuthError.class);
    }

    @Test
    void refreshTokenExpiresAfterThirtyIdleDays() {
        TokenResponse tokens = exchange(code());
        clock.advance(Duration.ofDays(30));
        assertOAuthError(() -> refresh(tokens.refreshToken()), 400, "invalid_request",
                "The refresh token expired at 12/26/2026 10:00:00 AM and it is now");
    }

    @Test
    void rejectsExpiredAndUnknownAccessTokens() {
        TokenResponse tokens = exchange(code());
        clock.advance(Duration.ofSeconds(600));
        assertOAuthError(() -> server.authenticate(tokens.accessToken()), 401, "invalid_token", "");
        assertOAuthError(() -> server.authenticate("made-up"), 401, "invalid_token", "");
    }
}
