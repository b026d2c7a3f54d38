package org.exactsync.crm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.QueuedCallback;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callbacks through the DynamoDB outbox to a small JDK HTTP server playing the CRM. */
class CallbackDispatcherTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final String OUT_SECRET = "outbound-secret";
    private static final Duration INITIAL = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();
    private final AdjustableClock clock = AdjustableClock.frozenAt(START);
    // One server for the class: stopping a JDK HttpServer takes about a second.
    private static final FakeCrm crm = new FakeCrm();
    private DynamoDbCallbackOutbox outbox;
    private CallbackDispatcher dispatcher;

    /** Records every POST and answers with the queued statuses, then 200. */
    static final class FakeCrm {
        record Received(String body, String signature) {
        }

        final List<Received> received = new CopyOnWriteArrayList<>();
        final Deque<Integer> statuses = new ArrayDeque<>();
        HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/callbacks", this::answer);
            server.createContext("/slow", exchange -> {
                try (exchange) {
                    Thread.sleep(1_500);
                    exchange.sendResponseHeaders(200, -1);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(new Received(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst(CrmSignature.HEADER)));
                Integer status;
                synchronized (statuses) {
                    status = statuses.poll();
                }
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        }

        List<String> types() {
            return received.stream().map(r -> r.body().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList();
        }
    }

    @BeforeAll
    static void startCrm() throws IOException {
        crm.start();
    }

    @AfterAll
    static void stopCrm() {
        crm.server.stop(0);
    }

    @BeforeEach
    void setUp() {
        crm.received.clear();
        crm.statuses.clear();
        TestDynamo dynamo = TestDynamo.shared();
        outbox = new DynamoDbCallbackOutbox(dynamo.client(), dynamo.newTable("callbacks"), clock);
        dispatcher = dispatcherFor(Optional.of(crm.url()));
    }

    private CallbackDispatcher dispatcherFor(Optional<URI> callbackUrl) {
        TenantSettings tenants = new TenantSettings(List.of(new Tenant("acme", "in", OUT_SECRET, callbackUrl,
                ConflictPolicy.REPORT, List.of())));
        // Jitter fixed at its maximum so the delays are known: 5 s, 10 s, 20 s, ...
        return new CallbackDispatcher(outbox, tenants, json, clock, Duration.ofSeconds(2), Duration.ofMillis(500), INITIAL,
                Duration.ofMinutes(10), 100, () -> 1.0);
    }

    @Test
    void postsTheContractsEnvelopeSignedWithTheOutboundSecret() throws Exception {
        dispatcher.send("acme", "relation:rel-1", "relation.synced",
                Map.of("relationId", "rel-1", "division", 100, "debtorNumber", "1001"));

        assertThat(crm.received).hasSize(1);
        FakeCrm.Received received = crm.received.get(0);
        JsonNode envelope = json.readTree(received.body());
        assertThat(envelope.get("eventId").asText()).startsWith("cb-");
        assertThat(envelope.get("type").asText()).isEqualTo("relation.synced");
        assertThat(envelope.get("occurredAt").asText()).isEqualTo(START.toString());
        assertThat(envelope.get("tenant").asText()).isEqualTo("acme");
        assertThat(envelope.at("/data/debtorNumber").asText()).isEqualTo("1001");
        assertThat(CrmSignature.verify(Optional.of(received.signature()), OUT_SECRET,
                received.body().getBytes(StandardCharsets.UTF_8), START, Duration.ofSeconds(300)))
                .isEqualTo(CrmSignature.Verdict.VALID);
        assertThat(outbox.head("acme", "relation:rel-1")).as("delivered callbacks leave the outbox").isEmpty();
    }

    @Test
    void retriesWithBackOffUntilTheCrmAcceptsAndDeliversLaterCallbacksOnlyAfterward() throws Exception {
        crm.statuses.addAll(List.of(500, 503));

        dispatcher.send("acme", "relation:rel-1", "relation.synced", Map.of("n", 1));
        dispatcher.send("acme", "relation:rel-1", "relation.conflict", Map.of("n", 2));
        assertThat(crm.types()).as("the second waits behind the failed first").containsExactly("relation.synced");

        assertThat(dispatcher.dispatchDue().delivered()).as("nothing due before the back-off").isZero();
        clock.advance(INITIAL);
        DispatchReport second = dispatcher.dispatchDue();
        assertThat(second.failed()).isEqualTo(1);
        assertThat(outbox.head("acme", "relation:rel-1").orElseThrow().nextAttemptAt())
                .as("doubled back-off").isEqualTo(clock.instant().plus(INITIAL.multipliedBy(2)));
        clock.advance(INITIAL.multipliedBy(2));
        DispatchReport third = dispatcher.dispatchDue();

        assertThat(third.delivered()).isEqualTo(2);
        assertThat(crm.types()).containsExactly("relation.synced", "relation.synced", "relation.synced",
                "relation.conflict");
        assertThat(json.readTree(crm.received.get(0).body()).get("eventId"))
                .as("the same callback id on every attempt")
                .isEqualTo(json.readTree(crm.received.get(2).body()).get("eventId"));
        assertThat(outbox.head("acme", "relation:rel-1")).isEmpty();
    }

    @Test
    void signsEachRetryAfreshSoTheCrmsTimestampCheckStillPasses() throws Exception {
        crm.statuses.add(500);
        dispatcher.send("acme", "relation:rel-1", "relation.synced", Map.of());
        clock.advance(Duration.ofMinutes(30));

        dispatcher.dispatchDue();

        FakeCrm.Received retry = crm.received.get(1);
        assertThat(CrmSignature.verify(Optional.of(retry.signature()), OUT_SECRET,
                retry.body().getBytes(StandardCharsets.UTF_8), clock.instant(), Duration.ofSeconds(300)))
                .isEqualTo(CrmSignature.Verdict.VALID);
    }

    @Test
    void keepsEntitiesIndependentSoOneFailingEntityDoesNotHoldUpAnother() {
        crm.statuses.add(500);

        dispatcher.send("acme", "relation:rel-1", "relation.synced", Map.of());
        dispatcher.send("acme", "relation:rel-2", "relation.synced", Map.of());

        assertThat(crm.received).hasSize(2);
        assertThat(outbox.head("acme", "relation:rel-1")).isPresent();
        assertThat(outbox.head("acme", "relation:rel-2")).isEmpty();
    }

    @Test
    void keepsCallbacksQueuedWhileTheTenantHasNoCallbackUrl() {
        CallbackDispatcher withoutUrl = dispatcherFor(Optional.empty());

        withoutUrl.send("acme", "relation:rel-1", "relation.synced", Map.of());

        assertThat(crm.received).isEmpty();
        QueuedCallback queued = outbox.head("acme", "relation:rel-1").orElseThrow();
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.lastError()).contains("no callback URL");
        clock.advance(INITIAL);
        dispatcher.dispatchDue();
        assertThat(crm.received).hasSize(1);
    }

    @Test
    void givesUpTheImmediateAttemptOnASlowCrmAfterTheInlineTimeout() {
        URI slow = URI.create(crm.url().toString().replace("/callbacks", "/slow"));
        long started = System.nanoTime();

        dispatcherFor(Optional.of(slow)).send("acme", "relation:rel-1", "relation.synced", Map.of());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_400));
        assertThat(outbox.head("acme", "relation:rel-1").orElseThrow().lastError()).contains("Timeout");
    }

    @Test
    void doesNotThrowToTheCallerWhenTheCrmIsUnreachable() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/callbacks");
        }

        dispatcherFor(Optional.of(closedPort)).send("acme", "relation:rel-1", "relation.synced", Map.of());

        assertThat(outbox.head("acme", "relation:rel-1").orElseThrow().lastError()).isNotBlank();
    }
}
