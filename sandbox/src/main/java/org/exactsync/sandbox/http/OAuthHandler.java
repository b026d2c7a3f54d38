package org.exactsync.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exactsync.sandbox.oauth.OAuthError;
import org.exactsync.sandbox.oauth.TokenResponse;

/**
 * {@code /api/oauth2/auth} (consents at once and redirects with a code) and {@code /api/oauth2/token}
 * (form-encoded grants), answering in Exact's shapes (docs/exact-reference.md §2.2–2.3, §2.8).
 */
final class OAuthHandler implements HttpHandler {

    private final SandboxRuntime rt;
    private final Replies replies;

    OAuthHandler(SandboxRuntime runtime) {
        this.rt = runtime;
        this.replies = new Replies(runtime.mapper());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/oauth2/auth") && exchange.getRequestMethod().equals("GET")) {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                String location = rt.oauth().authorize(query.get("client_id"), query.get("redirect_uri"),
                        query.get("response_type"), query.get("state"), query.get("user"));
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/api/oauth2/token") && exchange.getRequestMethod().equals("POST")) {
                byte[] raw;
                try (InputStream in = exchange.getRequestBody()) {
                    raw = in.readAllBytes();
                }
                TokenResponse tokens = rt.oauth().token(form(new String(raw, StandardCharsets.UTF_8)));
                ObjectNode body = rt.mapper().createObjectNode();
                body.put("access_token", tokens.accessToken());
                body.put("token_type", "bearer");
                // A JSON string, not a number: strict clients must cope (docs/exact-reference.md §2.3).
                body.put("expires_in", Integer.toString(tokens.expiresInSeconds()));
                body.put("refresh_token", tokens.refreshToken());
                replies.json(exchange, 200, rt.mapper().writeValueAsBytes(body), Map.of("Cache-Control", "no-store"));
            } else {
                replies.oauthError(exchange, 404, "invalid_request", "Not found");
            }
        } catch (OAuthError e) {
            replies.oauthError(exchange, e.status(), e.error(), e.description());
        } catch (RuntimeException e) {
            replies.oauthError(exchange, 500, "server_error", "An internal error occurred.");
        } finally {
            exchange.close();
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }
}
