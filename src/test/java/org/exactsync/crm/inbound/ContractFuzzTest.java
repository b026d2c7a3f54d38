package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventStore;
import org.exactsync.store.SyncMode;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/**
 * Randomised fuzzing of the inbound CRM contract (issue 8), all three event types (relation, project, invoice):
 * every malformed event — a valid random event with one
 * to three damages to its data, envelope, bytes or signature — is answered 400 naming a damaged field (or 401 for
 * signature damage), nothing reaches the event store (so nothing is accepted) and no handler runs (so Exact sees no
 * call). Valid random events pass validation, so the damages, not the generator, make the difference.
 *
 * <p>Each case comes from one seed ({@code -Dfuzz.seed} changes the run, {@code -Dfuzz.cases} its size); a failure
 * names the seed and the damages, so it can be replayed alone. The stores are strict stand-ins that fail on any
 * write: the refused path must not touch DynamoDB at all beyond reading the tenant's connection. The DynamoDB adapters are tested on a real DynamoDB protocol elsewhere.
 */
class ContractFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String SECRET = "fuzz-inbound-secret";
    private static final List<Integer> DIVISIONS = List.of(100001, 100002);
    /** Where the seeds start; fixed by default so that CI runs the same 10,000 cases every time. */
    private static final long BASE_SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final int MALFORMED_CASES = Integer.getInteger("fuzz.cases", 8_000);
    private static final int VALID_CASES = MALFORMED_CASES / 4;

    private final ObjectMapper json = new ObjectMapper();
    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final List<String> storeCalls = new ArrayList<>();
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final InboundPipeline pipeline = new InboundPipeline(
            new TenantSettings(List.of(new Tenant("default", SECRET, "fuzz-out", Optional.empty(),
                    ConflictPolicy.REPORT, List.of()))),
            connectionStore(), strictEventStore(), callbacks, json, clock, InboundLimits.defaults());
    private final List<ContractEvents> contract = List.of(new RelationEvents(), new ProjectEvents(),
            new InvoiceEvents());

    @Test
    void everyMalformedEventIsRefusedNamingAFieldWithNothingStoredAndNoExactCall() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MALFORMED_CASES && failures.size() < 5; i++) {
            long seed = BASE_SEED + i;
            Case fuzzed = malformedCase(seed);
            try {
                checkRefused(fuzzed);
            } catch (AssertionError | Exception violation) {
                failures.add("seed " + seed + " (" + fuzzed + "): " + violation.getMessage());
            }
        }
        assertThat(failures).as("violations").isEmpty();
        assertThat(storeCalls).as("event store calls").isEmpty();
        assertThat(callbacks.sent).as("callbacks").isEmpty();
    }

    @Test
    void everyValidRandomEventPassesValidationAndBinds() throws Exception {
        for (int i = 0; i < VALID_CASES; i++) {
            Random random = new Random(BASE_SEED - 1 - i);
            for (ContractEvents events : contract) {
                ObjectNode data = events.validData(random);
                EventHandler<?> handler = events.handler();

                assertThat(handler.validate(data)).as("seed %d, %s %s", BASE_SEED - 1 - i, events.type(), data)
                        .isEmpty();
                assertThat(json.treeToValue(data, handler.dataType())).isNotNull();
            }
        }
    }

    private void checkRefused(Case fuzzed) throws Exception {
        ValidatingOnlyHandler<?> handler = (ValidatingOnlyHandler<?>) fuzzed.events().handler();

        HttpResponseEvent answer = pipeline.handle(fuzzed.request(), handler);

        assertThat(handler.processed).as("handler runs (Exact calls)").hasValue(0);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(fuzzed.expectedStatus());
        if (fuzzed.expectedStatus() == 400) {
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("error").asText()).isEqualTo("validation");
            List<String> fields = body.get("problems").findValuesAsText("field");
            assertThat(fields).as(answer.body()).anySatisfy(field -> assertThat(fuzzed.expectedFields())
                    .anySatisfy(f -> assertThat(field).startsWith(f)));
        }
    }

    /** One fuzz case: the request, what it was damaged with, and the answer it must get. */
    record Case(ContractEvents events, HttpRequestEvent request, List<String> damages, int expectedStatus,
            List<String> expectedFields) {

        @Override
        public String toString() {
            return events.type() + " damaged by " + damages;
        }
    }

    private Case malformedCase(long seed) {
        Random random = new Random(seed);
        ContractEvents events = contract.get(random.nextInt(contract.size()));
        ObjectNode envelope = json.createObjectNode();
        envelope.put("eventId", "evt-" + Long.toHexString(seed));
        envelope.put("type", events.type());
        envelope.put("occurredAt", NOW.toString());
        if (random.nextBoolean()) {
            envelope.put("tenant", "default");
        }
        if (random.nextBoolean()) {
            envelope.putArray("divisions").add(DIVISIONS.get(random.nextInt(DIVISIONS.size())));
        }
        envelope.set("data", events.validData(random));

        List<Damage> catalogue = new ArrayList<>(events.damages());
        catalogue.addAll(EnvelopeDamages.all());
        List<String> names = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Damage damage = catalogue.get(random.nextInt(catalogue.size()));
            try {
                fields.add(damage.apply(envelope, random));
                names.add(damage.name());
            } catch (RuntimeException notApplicable) {
                // A data damage after an envelope damage replaced data (e.g. data is now an array): skip it.
            }
        }
        if (fields.isEmpty()) {
            fields.add(EnvelopeDamages.all().get(0).apply(envelope, random));
            names.add(EnvelopeDamages.all().get(0).name());
        }
        byte[] body = bodyBytes(envelope, fields, random);
        Map<String, String> headers = Map.of(CrmSignature.HEADER, CrmSignature.sign(SECRET, NOW, body));
        int status = 400;
        int signatureDamage = random.nextInt(3 * SignatureDamage.values().length);
        if (signatureDamage < SignatureDamage.values().length) {
            names.add(SignatureDamage.values()[signatureDamage].name());
            headers = SignatureDamage.values()[signatureDamage].headers(SECRET, NOW, body, random);
            status = 401;
        }
        return new Case(events, new HttpRequestEvent(events.route(), null, headers,
                java.util.Base64.getEncoder().encodeToString(body), true), names,
                status, status == 401 ? List.of() : fields);
    }

    /** Usually the JSON text; sometimes broken JSON, which must be named as the body. */
    private byte[] bodyBytes(ObjectNode envelope, List<String> fields, Random random) {
        try {
            byte[] bytes = json.writeValueAsBytes(envelope);
            if (random.nextInt(20) == 0) {
                fields.add("body");
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            return bytes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConnectionStore connectionStore() {
        ConnectionRecord connection = new ConnectionRecord("default", "https://start.exactonline.nl", "user-1",
                "client-1", DIVISIONS, List.of(DIVISIONS.get(0)), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null,
                1);
        return (ConnectionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConnectionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return "default".equals(args[0]) ? Optional.of(connection) : Optional.empty();
                    }
                    storeCalls.add("ConnectionStore." + method.getName());
                    throw new AssertionError("connection store written by a refused event: " + method.getName());
                });
    }

    private EventStore strictEventStore() {
        return (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    storeCalls.add("EventStore." + method.getName());
                    throw new AssertionError("event store used by a refused event: " + method.getName());
                });
    }
}
