package org.exactsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.time.AdjustableClock;

/** A small java.net.http client for sandbox tests: bearer token, JSON accept, parsed bodies. */
public final class SandboxHttp {

    private final ExactSandbox sandbox;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private String accessToken;

    /** The instant the sandbox's HTTP tests are frozen at. */
    public static final Instant TEST_NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** A started sandbox with the default limits on a clock frozen at {@link #TEST_NOW}. */
    public static ExactSandbox frozenSandbox() {
        return ExactSandbox.builder().clock(AdjustableClock.frozenAt(TEST_NOW)).build().start();
    }

    /** As {@link #frozenSandbox()}, with limits so high that a rule test never meets a 429 or the error block. */
    public static ExactSandbox frozenUnlimitedSandbox() {
        return ExactSandbox.builder().clock(AdjustableClock.frozenAt(TEST_NOW))
                .rateLimits(new RateLimits(100_000, 1_000_000)).maxErrorsPerHour(1_000).build().start();
    }

    public SandboxHttp(ExactSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Connects (code flow through the Java hook) and uses the new access token. */
    public SandboxHttp connected() {
        this.accessToken = sandbox.connect().accessToken();
        return this;
    }

    public SandboxHttp withToken(String token) {
        this.accessToken = token;
        return this;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    public HttpResponse<String> getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .header("Prefer", "return=representation").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> postWithoutPrefer(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .header("Accept", "application/json");
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder.timeout(Duration.ofSeconds(10));
    }

    /** {@code /api/v1/…} path (spaces and quotes encoded) on the sandbox base URL. */
    public String url(String pathAndQuery) {
        String encoded = pathAndQuery.replace(" ", "%20").replace("'", "%27");
        return sandbox.baseUrl() + encoded;
    }

    /** The {@code d} of a 201 answer; fails the test on any other status. */
    public JsonNode created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201 but was " + response.statusCode() + ": " + response.body());
        }
        return json(response).path("d");
    }

    /** The message of a 400 answer in Exact's error body; fails the test on any other status. */
    public String refusal(HttpResponse<String> response) {
        if (response.statusCode() != 400) {
            throw new AssertionError("expected 400 but was " + response.statusCode() + ": " + response.body());
        }
        return json(response).path("error").path("message").path("value").asText();
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String accessToken() {
        return accessToken;
    }
}
