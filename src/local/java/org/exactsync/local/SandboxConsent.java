package org.exactsync.local;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Plays the person at the consent page of the bundled sandbox (which consents at once): follows
 * {@code /api/oauth2/auth} and takes the single-use code from the redirect, checking that {@code state} came back.
 * Against real Exact a person does this in a browser.
 */
final class SandboxConsent {

    private SandboxConsent() {
    }

    static String authorize(String siteUrl, String clientId, String redirectUri) {
        String state = UUID.randomUUID().toString();
        URI auth = URI.create(siteUrl + "/api/oauth2/auth?client_id=" + enc(clientId) + "&redirect_uri="
                + enc(redirectUri) + "&response_type=code&state=" + enc(state));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(auth).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("consent page answered " + response.statusCode()
                            + " without a redirect"));
            String query = URI.create(location).getRawQuery();
            String code = null;
            String returnedState = null;
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("code")) {
                    code = value;
                } else if (name.equals("state")) {
                    returnedState = value;
                }
            }
            if (code == null || !state.equals(returnedState)) {
                throw new IllegalStateException("consent redirect without code or with a foreign state");
            }
            return code;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("sandbox consent page unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during consent", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
