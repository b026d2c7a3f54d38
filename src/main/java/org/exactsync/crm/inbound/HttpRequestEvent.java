package org.exactsync.crm.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The HTTP request as API Gateway's proxy integration hands it to a function, the one record for every route (CRM
 * webhooks, admin and report routes, connect links, Exact's webhook): REST API v1 and HTTP API v2 share most fields,
 * v2 carries the method in {@code requestContext.http.method}; unknown fields are ignored. The raw body is what a
 * signature covers.
 *
 * @param httpMethod            request method (REST API v1)
 * @param requestContext        request context (v2 carries the method here; both carry the stage)
 * @param path                  request path (REST API v1)
 * @param rawPath               request path (HTTP API v2)
 * @param headers               request headers; names in any case
 * @param queryStringParameters decoded query parameters (first value of each)
 * @param body                  the body as text, or base64 when {@code isBase64Encoded}
 * @param isBase64Encoded       whether API Gateway base64-encoded the body
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record HttpRequestEvent(String httpMethod, RequestContext requestContext, String path, String rawPath,
        Map<String, String> headers, Map<String, String> queryStringParameters, String body,
        boolean isBase64Encoded) {

    public HttpRequestEvent {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        queryStringParameters = queryStringParameters == null ? Map.of() : Map.copyOf(queryStringParameters);
    }

    /** A request without method or query string, as a webhook route reads it (callers, tests, tools). */
    public HttpRequestEvent(String path, String rawPath, Map<String, String> headers, String body,
            boolean isBase64Encoded) {
        this(null, null, path, rawPath, headers, null, body, isBase64Encoded);
    }

    /** The request context: the method (HTTP API v2) and the stage (both versions; for connect links). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public record RequestContext(Http http, String stage) {
    }

    /** HTTP API v2's {@code requestContext.http}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public record Http(String method) {
    }

    /** A GET with the given path and query parameters, as a local gateway or a test builds it. */
    public static HttpRequestEvent get(String path, Map<String, String> query) {
        return new HttpRequestEvent("GET", null, path, null, Map.of(), query, null, false);
    }

    /** The method in upper case, whichever API Gateway version delivered it; GET when absent. */
    public String method() {
        String method = httpMethod;
        if (method == null && requestContext != null && requestContext.http() != null) {
            method = requestContext.http().method();
        }
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    /** The request path, whichever API Gateway version delivered it; empty when neither did. */
    public String requestPath() {
        return rawPath != null ? rawPath : path == null ? "" : path;
    }

    /** A query parameter, or empty. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryStringParameters.get(name));
    }

    /** A header by name, ignoring case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The body bytes as sent: base64-decoded when API Gateway encoded them, else UTF-8. */
    public byte[] rawBody() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
