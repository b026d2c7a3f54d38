package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.SyncFailed;
import org.exactsync.store.ClaimOutcome;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.NewEvent;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared inbound pipeline on the real event store (dynalite), with a fake handler and recorded callbacks. */
class InboundPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final String SECRET = "inbound-secret-default";

    private final ObjectMapper json = new ObjectMapper();
    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final FakeHandler handler = new FakeHandler();
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private DynamoDbEventStore events;
    private DynamoDbConnectionStore connections;
    private InboundPipeline pipeline;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("inbound");
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        connections.save(connection("default"));
        connections.save(connection("acme"));
        TenantSettings tenants = new TenantSettings(List.of(
                new Tenant("default", SECRET, "out-default", Optional.empty(), ConflictPolicy.REPORT, List.of()),
                new Tenant("acme", "inbound-secret-acme", "out-acme", Optional.empty(), ConflictPolicy.CRM_WINS,
                        List.of(200))));
        pipeline = new InboundPipeline(tenants, connections, events, callbacks, json, clock,
                InboundLimits.defaults());
    }

    private static ConnectionRecord connection(String tenant) {
        return new ConnectionRecord(tenant, "https://start.exactonline.nl", "user-1", "client-1", List.of(100, 200),
                List.of(100), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0);
    }

    private ObjectNode envelope(String eventId) {
        ObjectNode root = json.createObjectNode();
        root.put("eventId", eventId);
        root.put("type", "thing.upserted");
        root.put("occurredAt", "2026-11-26T10:15:00Z");
        ObjectNode data = root.putObject("data");
        data.put("id", "t-1");
        data.put("name", "Widget");
        data.put("count", 3);
        return root;
    }

    private static String text(JsonNode node) {
        return node.toString();
    }

    private HttpRequestEvent signed(String body, String secret, Instant at) {
        String header = CrmSignature.sign(secret, at, body.getBytes(StandardCharsets.UTF_8));
        return request(body, Map.of("Crm-Signature", header));
    }

    private HttpRequestEvent signed(String body) {
        return signed(body, SECRET, NOW);
    }

    private static HttpRequestEvent request(String body, Map<String, String> headers) {
        return new HttpRequestEvent("/crm/things", null, headers, body, false);
    }

    private JsonNode bodyOf(HttpResponseEvent response) throws Exception {
        return json.readTree(response.body());
    }

    private void assertNothingStored(String eventId) {
        assertThat(events.find("default", eventId)).as("event record").isEmpty();
        assertThat(handler.processed).as("handler calls").isEmpty();
        assertThat(callbacks.sent).as("callbacks").isEmpty();
    }

    // --- happy path -------------------------------------------------------------------------------------------

    @Test
    void processesASignedEventOnceAndAnswersSyncedWithTheResults() throws Exception {
        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-1"))), handler);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bodyOf(response).get("status").asText()).isEqualTo("synced");
        assertThat(bodyOf(response).at("/results/0/exactId").asText()).isEqualTo("guid-t-1");
        assertThat(handler.processed).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("evt-1");
            assertThat(event.tenant()).isEqualTo("default");
            assertThat(event.divisions()).containsExactly(100);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
            assertThat(event.data()).isEqualTo(new FakeHandler.Thing("t-1", "Widget", 3));
        });
        EventRecord stored = events.find("default", "evt-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(EventStatus.DONE);
        assertThat(stored.result()).isEqualTo(response.body());
    }

    @Test
    void acceptsTheHeaderInAnyCaseAndABase64Body() {
        String body = text(envelope("evt-b64"));
        String header = CrmSignature.sign(SECRET, NOW, body.getBytes(StandardCharsets.UTF_8));
        HttpRequestEvent request = new HttpRequestEvent(null, "/crm/things", Map.of("crm-signature", header),
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true);

        assertThat(pipeline.handle(request, handler).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsATimestampJustInsideTheFiveMinuteWindow() {
        String body = text(envelope("evt-edge"));

        assertThat(pipeline.handle(signed(body, SECRET, NOW.minusSeconds(300)), handler).statusCode()).isEqualTo(200);
    }

    @Test
    void usesTheEnvelopesDivisionsElseTheTenantsConfiguredDefault() {
        ObjectNode explicit = envelope("evt-div");
        explicit.putArray("divisions").add(200).add(100).add(200);
        pipeline.handle(signed(text(explicit)), handler);

        ObjectNode acme = envelope("evt-acme");
        acme.put("tenant", "acme");
        pipeline.handle(signed(text(acme), "inbound-secret-acme", NOW), handler);

        assertThat(handler.processed).extracting(AcceptedEvent::divisions)
                .containsExactly(List.of(200, 100), List.of(200));
        assertThat(events.find("acme", "evt-acme")).isPresent();
    }

    // --- 401 --------------------------------------------------------------------------------------------------

    static Stream<Arguments> badSignatures() {
        return Stream.of(
                Arguments.of("missing header", (Consumer<Map<String, String>>) headers -> headers.clear()),
                Arguments.of("empty header", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature", "")),
                Arguments.of("no t", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature",
                        h.get("Crm-Signature").replaceFirst("t=[0-9]+,", ""))),
                Arguments.of("no v1", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature",
                        h.get("Crm-Signature").replaceFirst(",v1=.*", ""))),
                Arguments.of("non-hex v1", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature",
                        h.get("Crm-Signature").replaceFirst("v1=..", "v1=zz"))),
                Arguments.of("upper-case hex", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature",
                        h.get("Crm-Signature").toUpperCase().replace("T=", "t=").replace("V1=", "v1="))),
                Arguments.of("short v1", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature",
                        h.get("Crm-Signature").substring(0, h.get("Crm-Signature").length() - 2))),
                Arguments.of("garbage", (Consumer<Map<String, String>>) h -> h.put("Crm-Signature", "sha256=abc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void refusesAMissingOrMalformedSignatureWithoutStoringAnything(String name,
            Consumer<Map<String, String>> spoil) throws Exception {
        String body = text(envelope("evt-401"));
        Map<String, String> headers = new java.util.HashMap<>(signed(body).headers());
        spoil.accept(headers);

        HttpResponseEvent response = pipeline.handle(request(body, headers), handler);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bodyOf(response).get("error").asText()).isEqualTo("unauthorized");
        assertNothingStored("evt-401");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-401")), "not-the-secret", NOW),
                handler);

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored("evt-401");
    }

    @Test
    void refusesATimestampOlderThanFiveMinutes() {
        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-401")), SECRET,
                NOW.minusSeconds(301)), handler);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("timestamp");
        assertNothingStored("evt-401");
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesAhead() {
        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-401")), SECRET,
                NOW.plusSeconds(301)), handler);

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored("evt-401");
    }

    @Test
    void refusesABodyAlteredByOneByteAfterSigning() {
        String body = text(envelope("evt-401"));
        HttpRequestEvent original = signed(body);
        String altered = body.replace("\"count\":3", "\"count\":4");

        HttpResponseEvent response = pipeline.handle(request(altered, original.headers()), handler);

        assertThat(altered).hasSameSizeAs(body).isNotEqualTo(body);
        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored("evt-401");
    }

    @Test
    void refusesTheSameJsonReSerialisedBecauseTheSignatureCoversTheRawBytes() throws Exception {
        String compact = text(envelope("evt-401"));
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(compact));

        HttpResponseEvent response = pipeline.handle(request(pretty, signed(compact).headers()), handler);

        assertThat(json.readTree(pretty)).isEqualTo(json.readTree(compact));
        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingStored("evt-401");
    }

    @Test
    void refusesATenantThatIsNotConfigured() {
        ObjectNode root = envelope("evt-401");
        root.put("tenant", "stranger");

        HttpResponseEvent response = pipeline.handle(signed(text(root)), handler);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(events.find("stranger", "evt-401")).isEmpty();
        assertThat(handler.processed).isEmpty();
    }

    @Test
    void refusesATenantsEventSignedWithTheDefaultTenantsSecret() {
        ObjectNode root = envelope("evt-401");
        root.put("tenant", "acme");

        assertThat(pipeline.handle(signed(text(root), SECRET, NOW), handler).statusCode()).isEqualTo(401);
        assertThat(events.find("acme", "evt-401")).isEmpty();
    }

    // --- 400 --------------------------------------------------------------------------------------------------

    static Stream<Arguments> badEnvelopes() {
        return Stream.of(
                Arguments.of("eventId", (Consumer<ObjectNode>) root -> root.remove("eventId")),
                Arguments.of("eventId", (Consumer<ObjectNode>) root -> root.put("eventId", "")),
                Arguments.of("eventId", (Consumer<ObjectNode>) root -> root.put("eventId", 42)),
                Arguments.of("eventId", (Consumer<ObjectNode>) root -> root.put("eventId", "e".repeat(101))),
                Arguments.of("type", (Consumer<ObjectNode>) root -> root.remove("type")),
                Arguments.of("type", (Consumer<ObjectNode>) root -> root.put("type", "invoice.created")),
                Arguments.of("occurredAt", (Consumer<ObjectNode>) root -> root.remove("occurredAt")),
                Arguments.of("occurredAt", (Consumer<ObjectNode>) root -> root.put("occurredAt", "2026-11-26")),
                Arguments.of("occurredAt", (Consumer<ObjectNode>) root -> root.put("occurredAt", "yesterday")),
                Arguments.of("tenant", (Consumer<ObjectNode>) root -> root.put("tenant", 7)),
                Arguments.of("divisions", (Consumer<ObjectNode>) root -> root.put("divisions", 100)),
                Arguments.of("divisions", (Consumer<ObjectNode>) root -> root.putArray("divisions")),
                Arguments.of("divisions[1]", (Consumer<ObjectNode>) root -> root.putArray("divisions").add(100)
                        .add(-5)),
                Arguments.of("divisions[0]", (Consumer<ObjectNode>) root -> root.putArray("divisions").add("100")),
                Arguments.of("divisions[0]", (Consumer<ObjectNode>) root -> root.putArray("divisions").add(1.5)),
                Arguments.of("divisions[0]", (Consumer<ObjectNode>) root -> root.putArray("divisions").add(999)),
                Arguments.of("data", (Consumer<ObjectNode>) root -> root.remove("data")),
                Arguments.of("data", (Consumer<ObjectNode>) root -> root.put("data", "thing")),
                Arguments.of("data.name", (Consumer<ObjectNode>) root -> ((ObjectNode) root.get("data"))
                        .remove("name")),
                Arguments.of("data.name", (Consumer<ObjectNode>) root -> ((ObjectNode) root.get("data"))
                        .put("name", 12)),
                Arguments.of("data.count", (Consumer<ObjectNode>) root -> ((ObjectNode) root.get("data"))
                        .put("count", "many")));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("badEnvelopes")
    void refusesABadEnvelopeNamingTheFieldWithoutStoringAnything(String field, Consumer<ObjectNode> spoil)
            throws Exception {
        ObjectNode root = envelope("evt-400");
        spoil.accept(root);

        HttpResponseEvent response = pipeline.handle(signed(text(root)), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = bodyOf(response);
        assertThat(body.get("error").asText()).isEqualTo("validation");
        assertThat(body.get("problems")).extracting(problem -> problem.get("field").asText()).contains(field);
        assertNothingStored("evt-400");
    }

    @Test
    void refusesABodyThatIsNotJsonNamingTheBody() throws Exception {
        HttpResponseEvent response = pipeline.handle(signed("{\"eventId\": \"evt-400\","), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/problems/0/field").asText()).isEqualTo("body");
        assertNothingStored("evt-400");
    }

    @Test
    void refusesTrailingBytesAfterTheJsonValueNamingTheBody() throws Exception {
        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-400")) + " {}"), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/problems/0/field").asText()).isEqualTo("body");
        assertNothingStored("evt-400");
    }

    @Test
    void refusesABodyTooLargeToStoreNamingTheBody() throws Exception {
        ObjectNode root = envelope("evt-400");
        ((ObjectNode) root.get("data")).put("padding", "x".repeat(InboundPipeline.MAX_BODY_BYTES));

        HttpResponseEvent response = pipeline.handle(signed(text(root)), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/problems/0/field").asText()).isEqualTo("body");
        assertNothingStored("evt-400");
    }

    @Test
    void refusesABodyThatIsAnArrayNamingTheBody() throws Exception {
        HttpResponseEvent response = pipeline.handle(signed("[1,2]"), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).at("/problems/0/field").asText()).isEqualTo("body");
    }

    @Test
    void namesEveryProblemOfAnEnvelopeInOneAnswer() throws Exception {
        ObjectNode root = envelope("evt-400");
        root.remove("occurredAt");
        root.put("type", "other.type");
        ((ObjectNode) root.get("data")).remove("name");

        JsonNode body = bodyOf(pipeline.handle(signed(text(root)), handler));

        assertThat(body.get("problems")).extracting(problem -> problem.get("field").asText())
                .containsExactlyInAnyOrder("type", "occurredAt", "data.name");
    }

    @Test
    void refusesAnEventOfATenantWithoutAnExactConnection() throws Exception {
        TenantSettings tenants = new TenantSettings(List.of(new Tenant("lonely", "s", "o", Optional.empty(),
                ConflictPolicy.REPORT, List.of())));
        InboundPipeline lonelyPipeline = new InboundPipeline(tenants, connections, events, callbacks, json, clock,
                InboundLimits.defaults());
        ObjectNode root = envelope("evt-400");
        root.put("tenant", "lonely");

        HttpResponseEvent response = lonelyPipeline.handle(signed(text(root), "s", NOW), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(bodyOf(response).get("problems")).extracting(p -> p.get("field").asText()).contains("tenant");
        assertThat(events.find("lonely", "evt-400")).isEmpty();
    }

    // --- idempotency ------------------------------------------------------------------------------------------

    @Test
    void answersTheSameBodyTwiceWithTheSameAnswerAndProcessesItOnce() {
        String body = text(envelope("evt-dup"));

        HttpResponseEvent first = pipeline.handle(signed(body), handler);
        clock.advance(Duration.ofSeconds(40));
        HttpResponseEvent second = pipeline.handle(signed(body, SECRET, clock.instant()), handler);

        assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(handler.processed).hasSize(1);
    }

    @Test
    void refusesTheSameEventIdWithAnotherBodyAsAConflict() throws Exception {
        pipeline.handle(signed(text(envelope("evt-409"))), handler);
        ObjectNode other = envelope("evt-409");
        ((ObjectNode) other.get("data")).put("name", "Gadget");

        HttpResponseEvent response = pipeline.handle(signed(text(other)), handler);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(bodyOf(response).get("error").asText()).isEqualTo("conflict");
        assertThat(handler.processed).hasSize(1);
        assertThat(handler.processed.get(0).data().name()).isEqualTo("Widget");
    }

    @Test
    void processesEightConcurrentDeliveriesOfOneEventOnce() throws Exception {
        String body = text(envelope("evt-race"));
        handler.answers(event -> {
            pause(); // hold the lease while the other deliveries arrive
            return new Outcome.Done(List.of());
        });

        List<Integer> statuses = Race.run(8, () -> pipeline.handle(signed(body), handler).statusCode());

        assertThat(handler.processed).hasSize(1);
        assertThat(statuses).containsOnly(200, 202).contains(200);
        assertThat(events.find("default", "evt-race").orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // --- outcomes ---------------------------------------------------------------------------------------------

    @Test
    void storesAWaitingEventAndAnswersAcceptedAlsoToARedelivery() throws Exception {
        handler.answers(event -> new Outcome.Waiting("rate budget of division 100 spent"));
        String body = text(envelope("evt-wait"));

        HttpResponseEvent first = pipeline.handle(signed(body), handler);
        HttpResponseEvent again = pipeline.handle(signed(body), handler);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(bodyOf(first).get("status").asText()).isEqualTo("accepted");
        assertThat(bodyOf(first).get("state").asText()).isEqualTo("waiting");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        EventRecord stored = events.find("default", "evt-wait").orElseThrow();
        assertThat(stored.status()).isEqualTo(EventStatus.WAITING);
        assertThat(stored.retryAt()).isEqualTo(NOW.plus(InboundLimits.defaults().waitingRetry()));
        assertThat(handler.processed).hasSize(1);
    }

    @Test
    void answersAFinalFailureAsFailedAndSendsSyncFailed() throws Exception {
        handler.answers(event -> new Outcome.Failed("unknown country XX", false));

        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-fail"))), handler);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = bodyOf(response);
        assertThat(body.get("status").asText()).isEqualTo("failed");
        assertThat(body.get("retryable").asBoolean()).isFalse();
        assertThat(events.find("default", "evt-fail").orElseThrow().status()).isEqualTo(EventStatus.FAILED);
        assertThat(callbacks.sent).singleElement().satisfies(sent -> {
            assertThat(sent.type()).isEqualTo("sync.failed");
            assertThat(sent.entityKey()).isEqualTo("thing:t-1");
            assertThat(sent.data()).isEqualTo(new SyncFailed("evt-fail", "thing:t-1", "unknown country XX", false));
        });
        assertThat(pipeline.handle(signed(text(envelope("evt-fail"))), handler).body()).isEqualTo(response.body());
    }

    @Test
    void answersARetryableFailureAsAcceptedWithItsState() throws Exception {
        handler.answers(event -> new Outcome.Failed("Exact answered 503", true));

        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-retry"))), handler);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(bodyOf(response).get("state").asText()).isEqualTo("failed");
        assertThat(bodyOf(response).get("retryable").asBoolean()).isTrue();
        assertThat(callbacks.sent).extracting(RecordingCallbacks.Sent::type).containsExactly("sync.failed");
    }

    @Test
    void storesAHandlerCrashAsARetryableFailure() {
        handler.answers(event -> {
            throw new IllegalStateException("boom with personal data");
        });

        HttpResponseEvent response = pipeline.handle(signed(text(envelope("evt-crash"))), handler);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).doesNotContain("personal data");
        EventRecord stored = events.find("default", "evt-crash").orElseThrow();
        assertThat(stored.status()).isEqualTo(EventStatus.FAILED);
        assertThat(stored.retryable()).isTrue();
    }

    @Test
    void resumesAWaitingEventAndThenAnswersRedeliveriesWithItsResult() {
        handler.answers(event -> new Outcome.Waiting("Exact down"));
        String body = text(envelope("evt-resume"));
        pipeline.handle(signed(body), handler);
        handler.answers(event -> new Outcome.Done(List.of("ok")));

        Optional<Outcome> outcome = pipeline.resume(events.find("default", "evt-resume").orElseThrow(), handler);

        assertThat(outcome).containsInstanceOf(Outcome.Done.class);
        assertThat(handler.processed).hasSize(2);
        HttpResponseEvent again = pipeline.handle(signed(body), handler);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"ok\"");
    }

    @Test
    void takesOverAnEventWhoseWorkerDiedOnceItsLeaseExpired() {
        String body = text(envelope("evt-crashed-worker"));
        NewEvent claimedByDeadWorker = new NewEvent("default", "evt-crashed-worker", "thing.upserted", "hash", body,
                NOW.plus(Duration.ofDays(30)));
        EventRecord accepted = events.claim(claimedByDeadWorker).record();
        events.startAttempt("default", "evt-crashed-worker", accepted.version(), "dead-worker",
                NOW.plus(InboundLimits.defaults().lease())).orElseThrow();
        EventRecord inProgress = events.find("default", "evt-crashed-worker").orElseThrow();

        assertThat(pipeline.resume(inProgress, handler)).as("while the lease lives").isEmpty();
        clock.advance(InboundLimits.defaults().lease().plusSeconds(1));
        assertThat(pipeline.resume(inProgress, handler)).containsInstanceOf(Outcome.Done.class);
        assertThat(events.find("default", "evt-crashed-worker").orElseThrow().status()).isEqualTo(EventStatus.DONE);
        assertThat(events.claim(claimedByDeadWorker).outcome()).isEqualTo(ClaimOutcome.DUPLICATE_SAME_BODY);
    }
}
