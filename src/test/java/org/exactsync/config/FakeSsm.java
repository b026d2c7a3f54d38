package org.exactsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SSM Parameter Store over real HTTP, speaking the JSON 1.1 protocol the SDK's client uses ({@code X-Amz-Target:
 * AmazonSSM.GetParameter} / {@code GetParametersByPath}): answers from a map of parameters, two per page, after
 * first answering whatever failures were queued (a 400 {@code ThrottlingException}, a 500). Records every request.
 */
final class FakeSsm implements AutoCloseable {

    /** One request as the fake saw it. */
    record Request(String action, String name, String authorization, String securityToken, boolean answered) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> parameters = new HashMap<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeSsm(Map<String, String> parameters) throws IOException {
        this.parameters.putAll(parameters);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody());
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String action = target.substring(target.indexOf('.') + 1);
            String name = request.path("GetParametersByPath".equals(action) ? "Path" : "Name").asText();
            Integer failure;
            synchronized (failures) {
                failure = failures.poll();
            }
            requests.add(new Request(action, name, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"), failure == null));
            int status;
            String body;
            if (failure != null) {
                status = failure;
                body = failure == 400 ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
                        : "{\"__type\":\"InternalServerError\",\"message\":\"internal\"}";
            } else if (!request.path("WithDecryption").asBoolean()) {
                status = 400;
                body = "{\"__type\":\"ValidationException\",\"message\":\"the fake wants WithDecryption\"}";
            } else if ("GetParametersByPath".equals(action)) {
                status = 200;
                body = page(name, request.path("Recursive").asBoolean(), request.path("NextToken").asInt(0));
            } else {
                String value = parameters.get(name);
                status = value == null ? 400 : 200;
                body = value == null ? "{\"__type\":\"ParameterNotFound\"}"
                        : json.writeValueAsString(Map.of("Parameter", Map.of("Name", name, "Value", value,
                                "Type", "SecureString")));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The next answers are these statuses (400: ThrottlingException, 500: internal error), before any success. */
    FakeSsm failFirst(Integer... statuses) {
        synchronized (failures) {
            failures.addAll(List.of(statuses));
        }
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A Lambda environment pointing the SDK at this fake. */
    Map<String, String> lambda(String path, String grants) {
        Map<String, String> env = new HashMap<>();
        env.put("EXACT_SECRETS_PARAMETER_PATH", path);
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_SESSION_TOKEN", "session-1");
        env.put("AWS_REGION", "eu-west-1");
        env.put("EXACT_SECRETS_SSM_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        if (grants != null) {
            env.put(SecretGrant.VARIABLE, grants);
        }
        return env;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String page(String path, boolean recursive, int from) throws IOException {
        String prefix = path.endsWith("/") ? path : path + "/";
        List<String> names = parameters.keySet().stream().filter(n -> n.startsWith(prefix))
                .filter(n -> recursive || n.indexOf('/', prefix.length()) < 0).sorted().toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode page = answer.putArray("Parameters");
        names.stream().skip(from).limit(2).forEach(n -> page.addObject().put("Name", n).put("Value", parameters.get(n))
                .put("Type", "SecureString"));
        if (from + 2 < names.size()) {
            answer.put("NextToken", String.valueOf(from + 2));
        }
        return json.writeValueAsString(answer);
    }
}
