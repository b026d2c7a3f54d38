package org.exactsync.flow.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.payment.webhook.ExactWebhookHandler;

import com.sun.net.httpserver.HttpServer;

/**
 * Where the sandbox delivers webhooks in these tests: each POST is handed, as API Gateway would (body base64, no byte
 * changes), to the connector's handler; raw bodies and answers are kept.
 */
public final class WebhookEndpoint implements AutoCloseable {

    /** One POST the endpoint answered. */
    public record Delivery(byte[] body, int status, String answer) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public WebhookEndpoint(ExactWebhookHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/exact/webhooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpResponseEvent response = handler.handle(request(body));
            byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
            deliveries.add(new Delivery(body, response.statusCode(), response.body()));
            exchange.sendResponseHeaders(response.statusCode(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    static HttpRequestEvent request(byte[] body) {
        return new HttpRequestEvent("/exact/webhooks", null, Map.of("Content-Type", "application/json"),
                Base64.getEncoder().encodeToString(body), true);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/exact/webhooks";
    }

    public List<Delivery> notifications() {
        return deliveries.stream().filter(d -> d.body().length > 0).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
