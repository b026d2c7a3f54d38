package org.exactsync.flow.payment.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An API Gateway proxy request for a query route: like the inbound routes' request, plus the query string
 * parameters a GET carries.
 *
 * @param httpMethod            request method (REST API v1)
 * @param path                  request path (REST API v1)
 * @param rawPath               request path (HTTP API v2)
 * @param headers               request headers; names in any case
 * @param queryStringParameters query parameters (first value of each)
 * @param body                  the body as text or base64 (a GET has none)
 * @param isBase64Encoded       whether API Gateway base64-encoded the body
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record HttpQueryEvent(String httpMethod, String path, String rawPath, Map<String, String> headers,
        Map<String, String> queryStringParameters, String body, boolean isBase64Encoded) {

    public HttpQueryEvent {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        queryStringParameters = queryStringParameters == null ? Map.of() : Map.copyOf(queryStringParameters);
    }

    /** The method in upper case; GET when API Gateway left it out. */
    public String method() {
        return httpMethod == null ? "GET" : httpMethod.toUpperCase(java.util.Locale.ROOT);
    }

    /** The request path, whichever API Gateway version delivered it. */
    public String requestPath() {
        return rawPath != null ? rawPath : path == null ? "" : path;
    }

    /** The raw body bytes (empty for a GET). */
    public byte[] rawBody() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** A header by name, ignoring case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** A query parameter, empty when absent or blank. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(queryStringParameters.get(name)).filter(value -> !value.isBlank());
    }
}
