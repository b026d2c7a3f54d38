package org.exactsync.sandbox.finance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A callback endpoint for webhook tests, over https with the test certificate of {@link LocalReceiverTls} (Exact
 * calls https only): records each POST's raw body bytes and Content-Length header and answers {@code status}.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String contentLength, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpsServer server;

    WebhookReceiver() throws IOException {
        this(200);
    }

    WebhookReceiver(int status) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(LocalReceiverTls.serverContext()));
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Length"), in.readAllBytes()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> notifications() {
        return received.stream().filter(r -> r.body().length > 0).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
