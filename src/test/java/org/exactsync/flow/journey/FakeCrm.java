package org.exactsync.flow.journey;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CRM's callback endpoint over real HTTP: checks each callback's {@code Crm-Signature} the way crm-contract.md says
 * a CRM should (HMAC-SHA256 with the tenant's outbound secret over {@code "<t>." + raw body}, {@code t} within 300 s
 * of now), written here independently of the connector's signing code, and keeps every callback in arrival order.
 * A callback with a bad signature is answered 401 and kept as refused, so a test sees it. Public: the bulk upload's
 * tests receive their callbacks with it too.
 */
public final class FakeCrm implements AutoCloseable {

    /** One callback as it arrived. */
    public record Received(String type, JsonNode envelope, boolean signatureValid) {

        public JsonNode data() {
            return envelope.get("data");
        }
    }

    private static final long TOLERANCE_SECONDS = 300;

    private final String outboundSecret;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public FakeCrm(String outboundSecret, Clock clock) throws IOException {
        this.outboundSecret = outboundSecret;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callbacks", this::receive);
        server.start();
    }

    public URI callbackUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    List<String> types() {
        return received.stream().map(Received::type).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean valid = "POST".equals(exchange.getRequestMethod())
                    && signedByConnector(exchange.getRequestHeaders().getFirst("Crm-Signature"), body);
            JsonNode envelope = json.readTree(body);
            received.add(new Received(envelope.path("type").asText(), envelope, valid));
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        }
    }

    private boolean signedByConnector(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String t = null;
        List<String> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                candidates.add(kv[1]);
            }
        }
        if (t == null || !t.matches("\\d{1,12}")
                || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(t)) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac((t + ".").getBytes(StandardCharsets.UTF_8), body))
                .getBytes(StandardCharsets.US_ASCII);
        return candidates.stream().anyMatch(v1 -> MessageDigest.isEqual(expected,
                v1.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(outboundSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
