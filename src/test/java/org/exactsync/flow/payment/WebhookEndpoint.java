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

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.exactsync.sandbox.finance.LocalReceiverTls;

/**
 * Where the sandbox delivers webhooks in these tests: each POST is handed, as API Gateway would (body base64, no byte
 * changes), to the connector's handler; raw bodies and answers are kept. Served over https with the sandbox's test
 * certificate, as Exact calls https callbacks only: the sandbox must be built with
 * {@code webhookTls(LocalReceiverTls.clientContext())}.
 */
public final class WebhookEndpoint implements AutoCloseable {

    /** One POST the endpoint answered. */
    public record Delivery(byte[] body, int status, String answer) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpsServer server;

    public WebhookEndpoint(ExactWebhookHandler handler) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(LocalReceiverTls.serverContext()));
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

    /** Like the constructor, for field initialisers: a port that cannot be bound fails the test at once. */
    public static WebhookEndpoint open(ExactWebhookHandler handler) {
        try {
            return new WebhookEndpoint(handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpRequestEvent request(byte[] body) {
        return new HttpRequestEvent("/exact/webhooks", null, Map.of("Content-Type", "application/json"),
                Base64.getEncoder().encodeToString(body), true);
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/exact/webhooks";
    }

    public List<Delivery> notifications() {
        return deliveries.stream().filter(d -> d.body().length > 0).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
