package org.exactsync.crm.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The HTTP request as API Gateway's proxy integration hands it to a function (REST API v1 and HTTP API v2 share these
 * fields; unknown fields are ignored). The raw body is what the signature covers.
 *
 * @param path            request path (REST API v1)
 * @param rawPath         request path (HTTP API v2)
 * @param headers         request headers; names in any case
 * @param body            the body as text, or base64 when {@code isBase64Encoded}
 * @param isBase64Encoded whether API Gateway base64-encoded the body
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record HttpRequestEvent(String path, String rawPath, Map<String, String> headers, String body,
        boolean isBase64Encoded) {

    public HttpRequestEvent {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The body bytes exactly as the CRM sent them: base64-decoded when API Gateway encoded them, else UTF-8. */
    public byte[] rawBody() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** A header by name, ignoring case (HTTP names are case-insensitive; API Gateway v2 lower-cases them). */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The request path, whichever API Gateway version delivered it. */
    public String requestPath() {
        return rawPath != null ? rawPath : path;
    }
}
