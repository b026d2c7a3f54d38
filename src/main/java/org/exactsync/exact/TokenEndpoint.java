package org.exactsync.exact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Exact's OAuth token endpoint ({@code POST {site}/api/oauth2/token}, form encoded; docs/exact-reference.md §2.2). */
final class TokenEndpoint {

    private final ExactTransport transport;
    private final ExactSettings settings;
    private final ObjectMapper json;

    TokenEndpoint(ExactTransport transport, ExactSettings settings, ObjectMapper json) {
        this.transport = transport;
        this.settings = settings;
        this.json = json;
    }

    /** Spends {@code refreshToken} for a new pair; the answer may take at most {@code timeout}. */
    TokenGrant refresh(String refreshToken, Duration timeout) throws TokenEndpointException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        return post(form, timeout);
    }

    TokenGrant exchangeCode(String code) throws TokenEndpointException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        return post(form, settings.tokens().callTimeout());
    }

    private TokenGrant post(Map<String, String> form, Duration timeout)
            throws TokenEndpointException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpCall call = new HttpCall("POST", URI.create(settings.siteUrl() + "/api/oauth2/token"),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), body,
                timeout);
        HttpReply reply;
        try {
            reply = transport.send(call);
        } catch (TransportFailure e) {
            throw new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT, e.getMessage(),
                    e.mayHaveReachedExact(), e);
        }
        if (reply.successful()) {
            return parseGrant(reply);
        }
        throw classify(reply);
    }

    private TokenGrant parseGrant(HttpReply reply) throws TokenEndpointException {
        try {
            JsonNode node = json.readTree(reply.body());
            String access = node.path("access_token").asText(null);
            String refresh = node.path("refresh_token").asText(null);
            JsonNode expires = node.path("expires_in");
            if (access == null || refresh == null || expires.isMissingNode()) {
                // Tokens may have been issued and the old refresh token consumed: the outcome is unknown.
                throw new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT,
                        "token response without tokens", true, null);
            }
            // Exact sends expires_in as a JSON string ("600"); accept a number too.
            long seconds = expires.isNumber() ? expires.asLong() : Long.parseLong(expires.asText().strip());
            return new TokenGrant(access, refresh, Duration.ofSeconds(seconds));
        } catch (IOException | NumberFormatException e) {
            throw new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT, "unreadable token response", true,
                    e);
        }
    }

    private TokenEndpointException classify(HttpReply reply) {
        String error = "";
        String description = "";
        try {
            JsonNode node = json.readTree(reply.body());
            error = node.path("error").asText("");
            description = node.path("error_description").asText("");
        } catch (IOException | RuntimeException e) {
            // Not JSON (a gateway page): decided by status alone below.
        }
        String text = (error + " " + description).toLowerCase(Locale.ROOT);
        String reason = "token endpoint answered " + reply.status() + (error.isEmpty() ? "" : " " + error)
                + (description.isEmpty() ? "" : ": " + description);
        int status = reply.status();
        if (text.contains("not expired")) {
            return new TokenEndpointException(TokenEndpointException.Kind.TOO_EARLY, reason, false, null);
        }
        if (error.equals("invalid_client")) {
            // A wrong client id or secret says nothing about the user's chain; marking it broken would force a
            // needless re-consent once the configuration is fixed.
            return new TokenEndpointException(TokenEndpointException.Kind.CLIENT_REJECTED, reason, false, null);
        }
        if (status == 429 || status == 503) {
            return new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT, reason, false, null);
        }
        if (status >= 500) {
            // 500/502/504: Exact may have rotated the token before failing.
            return new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT, reason, true, null);
        }
        if (status == 400 || status == 401 || status == 403 || text.contains("invalid_grant")
                || text.contains("unauthorized_client") || text.contains("refresh token")) {
            // "Old refresh token used.", "The refresh token expired at …", "The user is not active", a reused code:
            // all end the chain; retrying only burns the 200 token calls a day.
            return new TokenEndpointException(TokenEndpointException.Kind.CHAIN_BROKEN, reason, false, null);
        }
        return new TokenEndpointException(TokenEndpointException.Kind.TRANSIENT, reason, false, null);
    }
}
