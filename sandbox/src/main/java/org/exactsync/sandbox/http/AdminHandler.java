package org.exactsync.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.faults.FaultKind;
import org.exactsync.sandbox.faults.FaultRule;

/**
 * A tiny admin API for the local run (not part of Exact): {@code GET /sandbox/rows?division=&path=},
 * {@code GET /sandbox/calls?division=}, {@code GET /sandbox/tokens}, {@code POST /sandbox/faults} (JSON
 * {@code {"kind","status","method","endpoint","times","probability","delayMillis"}}), {@code DELETE /sandbox/faults},
 * {@code POST /sandbox/maintenance} ({@code {"from","until"}} ISO instants),
 * {@code POST /sandbox/clock/advance?seconds=}.
 */
final class AdminHandler implements HttpHandler {

    private final ObjectMapper mapper;
    private final AdminApi admin;
    private final RowRenderer renderer;

    AdminHandler(ObjectMapper mapper, AdminApi admin) {
        this.mapper = mapper;
        this.admin = admin;
        this.renderer = new RowRenderer(mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Replies replies = new Replies(mapper);
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = OAuthHandler.form(exchange.getRequestURI().getRawQuery());
            Object result = switch (method + " " + path) {
                case "GET /sandbox/rows" -> renderer.value(admin.rows(Integer.parseInt(query.get("division")),
                        query.get("path")));
                case "GET /sandbox/calls" -> calls(query);
                case "GET /sandbox/tokens" -> mapper.valueToTree(admin.tokenState());
                case "POST /sandbox/faults" -> {
                    admin.inject(rule(readJson(exchange)));
                    yield Map.of("armed", true);
                }
                case "DELETE /sandbox/faults" -> {
                    admin.resetFaults();
                    yield Map.of("reset", true);
                }
                case "POST /sandbox/maintenance" -> {
                    JsonNode body = readJson(exchange);
                    admin.maintenance(Instant.parse(body.path("from").asText()),
                            Instant.parse(body.path("until").asText()));
                    yield Map.of("armed", true);
                }
                case "GET /sandbox/variants" -> admin.variants();
                case "POST /sandbox/variants" -> {
                    // The same names and values as the environment of a local run, from the strict preset.
                    Map<String, String> switches = new LinkedHashMap<>();
                    readJson(exchange).fields().forEachRemaining(f -> switches.put(f.getKey(), f.getValue().asText()));
                    admin.useVariants(SandboxVariants.fromEnvironment(switches));
                    yield admin.variants();
                }
                case "POST /sandbox/clock/advance" -> Map.of("advanced",
                        admin.advanceClock(Duration.ofSeconds(Long.parseLong(query.getOrDefault("seconds", "0")))));
                default -> null;
            };
            if (result == null) {
                replies.exactError(exchange, 404, "Unknown sandbox admin call", Map.of());
                return;
            }
            byte[] body = result instanceof JsonNode node ? mapper.writeValueAsBytes(node)
                    : mapper.writeValueAsBytes(result);
            replies.json(exchange, 200, body, Map.of());
        } catch (RuntimeException e) {
            replies.exactError(exchange, 400, "Bad admin request: " + e.getClass().getSimpleName(), Map.of());
        } finally {
            exchange.close();
        }
    }

    private Object calls(Map<String, String> query) {
        Integer division = query.containsKey("division") ? Integer.parseInt(query.get("division")) : null;
        Map<String, Object> out = new LinkedHashMap<>();
        if (division != null) {
            Map<String, Integer> perMinute = new LinkedHashMap<>();
            admin.callsPerMinute(division).forEach((minute, count) -> perMinute.put(minute.toString(), count));
            out.put("perMinute", perMinute);
        }
        out.put("tooManyRequests", admin.tooManyRequests(division));
        return out;
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return mapper.readTree(in.readAllBytes());
        }
    }

    private static FaultRule rule(JsonNode body) {
        FaultKind kind = FaultKind.valueOf(body.path("kind").asText());
        Duration delay = Duration.ofMillis(body.path("delayMillis").asLong(0));
        FaultRule rule = switch (kind) {
            case STATUS -> FaultRule.status(body.path("status").asInt(503));
            case LATENCY -> FaultRule.latency(delay);
            case TOO_MANY_REQUESTS -> FaultRule.tooManyRequests();
            case TIMEOUT_AFTER_COMMIT -> delay.isZero() ? FaultRule.dropAfterCommit()
                    : FaultRule.delayAfterCommit(delay);
        };
        rule = rule.on(text(body, "method"), text(body, "endpoint"));
        if (body.has("times")) {
            rule = rule.times(body.get("times").asInt());
        }
        if (body.has("probability")) {
            rule = rule.withProbability(body.get("probability").asDouble());
        }
        return rule;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
