package org.exactsync.flow.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;

/**
 * What the CRM, the tenant's admin and the person at the browser send to the connector: plain HTTP requests, CRM
 * webhooks and admin requests signed with {@code Crm-Signature} over the raw body bytes (crm-contract.md). Redirects
 * are never followed on their own, so each hop of the consent can be checked.
 */
final class GatewayClient {

    /** One answer: status, the Location header if any, and the body. */
    record Answer(int status, String location, String body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final String secret;
    private final String adminSecret;
    private final org.exactsync.time.AdjustableClock clock;

    GatewayClient(String baseUrl, String secret, String adminSecret, org.exactsync.time.AdjustableClock clock) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.adminSecret = adminSecret;
        this.clock = clock;
    }

    /** An unsigned GET of a full URL, as a browser makes it. */
    Answer browse(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * A request to {@code path} on the gateway, signed at the current time: admin routes route-bound with the admin
     * secret (a write at a fresh second: its signature is good once), the receivables report route-bound with the
     * inbound secret, the event routes over the body with the inbound secret.
     */
    Answer signed(String method, String path, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = raw.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(raw);
        int q = path.indexOf('?');
        String route = q < 0 ? path : path.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : org.exactsync.flow.connect.ConnectFixture.query("http://x" + path);
        String signature;
        if (route.startsWith("/admin/")) {
            if (!"GET".equals(method)) {
                clock.advance(java.time.Duration.ofSeconds(1));
            }
            signature = RouteSignature.sign(adminSecret, clock.instant(), method, route, "/admin/", query, raw);
        } else if (route.startsWith("/crm/receivables")) {
            signature = RouteSignature.sign(secret, clock.instant(), method, route, "/crm/", query, raw);
        } else {
            signature = CrmSignature.sign(secret, clock.instant(), raw);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header(CrmSignature.HEADER, signature)
                .header("Content-Type", "application/json")
                .method(method, publisher).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
