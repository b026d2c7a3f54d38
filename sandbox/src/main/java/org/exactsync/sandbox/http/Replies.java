package org.exactsync.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes responses: Exact's JSON error body, OAuth error bodies, JSON, XML and empty 204s. */
final class Replies {

    private final ObjectMapper mapper;

    Replies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Exact's REST error body {@code {"error":{"code":"","message":{"lang":"","value":"…"}}}} (§4.1). */
    void exactError(HttpExchange exchange, int status, String message, Map<String, String> headers)
            throws IOException {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", "");
        ObjectNode text = error.putObject("message");
        text.put("lang", "");
        text.put("value", message);
        json(exchange, status, mapper.writeValueAsBytes(body), headers);
    }

    /** A front door's or crashed server's page: HTML, no Exact error body. */
    void errorPage(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        String page = "<html><body><h1>" + status + "</h1><p>The server encountered an error.</p></body></html>";
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The token endpoint's OAuth error shape {@code {"error":"…","error_description":"…"}} (§2.8). */
    void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, mapper.writeValueAsBytes(body), Map.of());
    }

    void json(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", body, headers);
    }

    void xml(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        send(exchange, status, "application/atom+xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A plain-text answer, as OData's {@code /$count} gives the bare number. */
    void text(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    void empty(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
            Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
