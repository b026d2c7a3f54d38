package org.exactsync.crm.inbound;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an inbound function returns: API Gateway's proxy response shape.
 *
 * @param statusCode HTTP status
 * @param headers    response headers
 * @param body       JSON body
 */
@RegisterForReflection
public record HttpResponseEvent(int statusCode, Map<String, String> headers, String body) {

    public HttpResponseEvent {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A JSON answer with the given status. */
    public static HttpResponseEvent json(int statusCode, String body) {
        return new HttpResponseEvent(statusCode, Map.of("Content-Type", "application/json"), body);
    }
}
