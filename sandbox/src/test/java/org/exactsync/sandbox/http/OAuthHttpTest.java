package org.exactsync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.oauth.OAuthSettings;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth endpoints over HTTP (docs/exact-reference.md §2). */
class OAuthHttpTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ExactSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = ExactSandbox.builder().clock(clock)
                .oauthSettings(OAuthSettings.exactDefaults().withTokenCallsPerUserPerDay(6)).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> authorize(String state) {
        String url = sandbox.baseUrl() + "/api/oauth2/auth?client_id=" + enc(sandbox.clientId()) + "&redirect_uri="
                + enc(sandbox.redirectUri()) + "&response_type=code&state=" + enc(state) + "&force_login=0";
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private String code() {
        String location = authorize("s").headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> token(String form) {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> exchange(String code) {
        return token("grant_type=authorization_code&client_id=" + enc(sandbox.clientId()) + "&client_secret="
                + enc(sandbox.clientSecret()) + "&code=" + enc(code) + "&redirect_uri=" + enc(sandbox.redirectUri()));
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return token("grant_type=refresh_token&client_id=" + enc(sandbox.clientId()) + "&client_secret="
                + enc(sandbox.clientSecret()) + "&refresh_token=" + enc(refreshToken));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void assertOAuthError(HttpResponse<String> response, int status, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = http.json(response);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).startsWith(description);
    }

    @Test
    void consentRedirectsToTheRedirectUriWithCodeAndState() {
        HttpResponse<String> response = authorize("abc 123");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sandbox.redirectUri() + "?code=").endsWith("&state=abc+123");
    }

    @Test
    void tokenResponseCarriesExpiresInAsAString() {
        JsonNode body = http.json(exchange(code()));
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        assertThat(body.path("expires_in").isTextual()).isTrue();
        assertThat(body.path("expires_in").asText()).isEqualTo("600");
        assertThat(body.path("access_token").asText()).isNotBlank();
        assertThat(body.path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void rejectsAReusedCodeWith400() {
        String code = code();
        assertThat(exchange(code).statusCode()).isEqualTo(200);
        assertOAuthError(exchange(code), 400, "invalid_grant", "Bad Request");
    }

    @Test
    void rejectsAWrongClientSecret() {
        HttpResponse<String> response = token("grant_type=authorization_code&client_id=" + enc(sandbox.clientId())
                + "&client_secret=wrong&code=" + enc(code()) + "&redirect_uri=" + enc(sandbox.redirectUri()));
        assertOAuthError(response, 401, "invalid_client", "");
    }

    @Test
    void refusesAnEarlyRefreshAndRotatesInTheLastThirtySeconds() {
        JsonNode first = http.json(exchange(code()));
        assertOAuthError(refresh(first.path("refresh_token").asText()), 401, "invalid_request",
                "Access Token not expired");
        clock.advance(Duration.ofSeconds(575));
        JsonNode second = http.json(refresh(first.path("refresh_token").asText()));
        assertThat(second.path("refresh_token").asText()).isNotEqualTo(first.path("refresh_token").asText());
        // The strict variant (docs/sandbox.md): Invantive's 400.
        assertOAuthError(refresh(first.path("refresh_token").asText()), 400, "unauthorized_client",
                "Old refresh token used.");
        assertThat(sandbox.oauth().brokenChains()).isEqualTo(1);
    }

    @Test
    void answersAnOldRefreshTokenWith401UnderTheLenientVariant() {
        sandbox.useVariants(SandboxVariants.strict().withOldRefreshTokenStatus(401));
        JsonNode first = http.json(exchange(code()));
        clock.advance(Duration.ofSeconds(575));
        http.json(refresh(first.path("refresh_token").asText()));
        assertOAuthError(refresh(first.path("refresh_token").asText()), 401, "unauthorized_client",
                "Old refresh token used.");
    }

    @Test
    void capsTokenCallsPerUserPerDay() {
        JsonNode tokens = http.json(exchange(code()));
        for (int i = 0; i < 5; i++) {
            refresh(tokens.path("refresh_token").asText());
        }
        assertOAuthError(refresh(tokens.path("refresh_token").asText()), 429, "invalid_request", "The maximum");
    }

    @Test
    void rejectsAnExpiredAccessTokenOnTheApi() {
        String access = http.json(exchange(code())).path("access_token").asText();
        http.withToken(access);
        assertThat(http.get("/api/v1/current/Me?$select=UserID").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(600));
        assertThat(http.get("/api/v1/current/Me?$select=UserID").statusCode()).isEqualTo(401);
    }

    @Test
    void exposesTokenChainStateOverTheAdminApi() {
        http.json(exchange(code()));
        JsonNode state = http.json(http.get("/sandbox/tokens"));
        assertThat(state.path("chains")).hasSize(1);
        assertThat(state.path("chains").get(0).path("tokenCallsToday").asInt()).isEqualTo(1);
        assertThat(state.path("brokenChains").asInt()).isZero();
    }
}
