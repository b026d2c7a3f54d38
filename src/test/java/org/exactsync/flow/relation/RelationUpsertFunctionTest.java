package org.exactsync.flow.relation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventStore;
import org.exactsync.store.QueuedCallback;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource.InjectSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code relation-upsert} through the Lambda mock event server: API Gateway proxy events in, the contract's answers
 * out, against the Exact sandbox over HTTP and DynamoDB (dynalite).
 */
@QuarkusTest
@TestProfile(RelationUpsertProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "relation-function"))
@QuarkusTestResource(value = ExactSandboxTestResource.class, restrictToAnnotatedClass = true)
class RelationUpsertFunctionTest {

    private static final String TENANT = "default";
    private static final String SECRET = "test-inbound-secret";
    private static final int DIVISION_A = 100001;
    private static final int DIVISION_B = 100002;

    @InjectSandbox
    ExactSandbox sandbox;
    @Inject
    ExactOnlineClient exact;
    @Inject
    ConnectionStore connections;
    @Inject
    EventStore events;
    @Inject
    CallbackOutbox outbox;
    @Inject
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connectTheTenantOnce() {
        if (connections.find(TENANT).isPresent()) {
            return;
        }
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = exact.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(DIVISION_A, DIVISION_B), List.of(DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null,
                null, 0)).orElseThrow();
    }

    @Test
    void syncsANewRelationWithTwoContactsIntoTwoDivisionsThenCostsNothingForTheSameData() throws Exception {
        String data = relation("rel-fn-1", "NL111111111B01", "11111111");

        JsonNode first = invoke(envelope("evt-fn-1", data, "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);
        int callsAfterFirst = sandbox.calls().totalCalls(DIVISION_A) + sandbox.calls().totalCalls(DIVISION_B);
        JsonNode second = invoke(envelope("evt-fn-2", data, "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);

        assertThat(first.get("status").asText()).isEqualTo("synced");
        assertThat(first.get("results")).hasSize(2);
        assertThat(first.get("results").get(0).get("division").asInt()).isEqualTo(DIVISION_A);
        assertThat(first.get("results").get(1).get("division").asInt()).isEqualTo(DIVISION_B);
        assertThat(first.get("results").get(0).get("code").asText()).isNotBlank();
        assertThat(second.get("results")).isEqualTo(first.get("results"));
        assertThat(sandbox.calls().totalCalls(DIVISION_A) + sandbox.calls().totalCalls(DIVISION_B))
                .isEqualTo(callsAfterFirst);
        for (JsonNode result : first.get("results")) {
            String account = result.get("exactId").asText();
            assertThat(sandbox.rows(result.get("division").asInt(), "crm/Contacts"))
                    .filteredOn(c -> account.equals(String.valueOf(c.get("Account")))).hasSize(2);
        }
        assertThat(outbox.head(TENANT, "relation:rel-fn-1")).map(QueuedCallback::type).contains("relation.synced");
    }

    @Test
    void refusesBadDataWithTheFieldNamedAndNoExactCall() throws Exception {
        int before = sandbox.calls().totalCalls(DIVISION_A);
        String data = relation("rel-fn-2", "NL12", "22222222");

        JsonNode answer = invoke(envelope("evt-fn-bad", data, "[" + DIVISION_A + "]"), 400);

        assertThat(answer.get("problems").findValuesAsText("field")).containsExactly("data.vatNumber");
        assertThat(sandbox.calls().totalCalls(DIVISION_A)).isEqualTo(before);
        assertThat(events.find(TENANT, "evt-fn-bad")).isEmpty();
    }

    static Stream<Arguments> badRelations() {
        return Stream.of(
                bad("missing name", d -> d.remove("name"), "data.name"),
                bad("missing id", d -> d.remove("id"), "data.id"),
                bad("unknown country", d -> ((ObjectNode) d.get("address")).put("country", "XX"),
                        "data.address.country"),
                bad("malformed VAT number", d -> d.put("vatNumber", "NL12"), "data.vatNumber"),
                bad("over-long name", d -> d.put("name", "N".repeat(51)), "data.name"),
                bad("over-long city", d -> ((ObjectNode) d.get("address")).put("city", "C".repeat(31)),
                        "data.address.city"),
                bad("name of the wrong type", d -> d.put("name", 42), "data.name"),
                bad("address of the wrong type", d -> d.put("address", "Dorpsstraat 12"), "data.address"),
                bad("no roles", d -> d.putArray("roles"), "data.roles"),
                bad("unknown role", d -> d.putArray("roles").add("partner"), "data.roles"),
                bad("payment term out of range", d -> d.put("paymentTermDays", 400), "data.paymentTermDays"),
                bad("payment term as text", d -> d.put("paymentTermDays", "30"), "data.paymentTermDays"),
                bad("malformed e-mail", d -> d.put("email", "info-at-example"), "data.email"),
                bad("phone with letters", d -> d.put("phone", "call me"), "data.phone"),
                bad("Dutch KvK number not 8 digits", d -> d.put("chamberOfCommerce", "123"),
                        "data.chamberOfCommerce"),
                bad("contact without id", d -> ((ObjectNode) d.get("contacts").get(0)).remove("id"),
                        "data.contacts[0]"),
                bad("contact without a name", d -> ((ObjectNode) d.get("contacts").get(1)).putNull("lastName"),
                        "data.contacts[1]"),
                bad("two main contacts", d -> ((ObjectNode) d.get("contacts").get(1)).put("main", true),
                        "data.contacts"),
                bad("duplicate contact ids", d -> ((ObjectNode) d.get("contacts").get(1)).put("id", "con-1"),
                        "data.contacts"));
    }

    private static Arguments bad(String what, Consumer<ObjectNode> damage, String field) {
        return Arguments.of(what, damage, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRelations")
    void refusesEachBadRelationNamingTheFieldWithNothingStoredAndNoExactCall(String what,
            Consumer<ObjectNode> damage, String field) throws Exception {
        ObjectNode data = (ObjectNode) json.readTree(relation("rel-fn-bad", "NL999999999B01", "99999999"));
        damage.accept(data);
        String eventId = "evt-bad-" + Integer.toHexString(what.hashCode());
        int before = sandbox.calls().totalCalls(null);

        JsonNode answer = invoke(envelope(eventId, json.writeValueAsString(data), "[" + DIVISION_A + "]"), 400);

        assertThat(answer.get("error").asText()).isEqualTo("validation");
        assertThat(answer.get("problems").findValuesAsText("field")).as(what)
                .anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(events.find(TENANT, eventId)).isEmpty();
        assertThat(sandbox.calls().totalCalls(null)).isEqualTo(before);
    }

    @Test
    void refusesAMissingOrStaleSignatureWithNothingStored() throws Exception {
        String body = envelope("evt-fn-sig", relation("rel-fn-sig", "NL121212121B01", "12121212"),
                "[" + DIVISION_A + "]");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        invoke(new HttpRequestEvent("/crm/relations", null, Map.of(), body, false), 401);
        invoke(new HttpRequestEvent("/crm/relations", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(SECRET, clock.instant().minusSeconds(301), bytes)), body, false), 401);
        invoke(new HttpRequestEvent("/crm/relations", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(SECRET, clock.instant(), bytes)), body.replace("rel-fn-sig", "rel-fn-sih"), false),
                401);

        assertThat(events.find(TENANT, "evt-fn-sig")).isEmpty();
    }

    @Test
    void refusesAWrongSignatureAndAReusedEventIdWithAnotherBody() throws Exception {
        String data = relation("rel-fn-3", "NL333333333B01", "33333333");
        String body = envelope("evt-fn-3", data, "[" + DIVISION_A + "]");
        invoke(new HttpRequestEvent("/crm/relations", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign("wrong-secret", clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body,
                false), 401);
        assertThat(events.find(TENANT, "evt-fn-3")).isEmpty();

        invoke(body, 200);
        invoke(envelope("evt-fn-3", data.replace("Utrecht", "Zeist"), "[" + DIVISION_A + "]"), 409);
    }

    @Test
    void oneChangedFieldIsExactlyOnePutPerDivision() throws Exception {
        String data = relation("rel-fn-4", "NL444444444B01", "44444444");
        invoke(envelope("evt-fn-4a", data, "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);
        long accountUpdatesBefore = accountUpdates();

        invoke(envelope("evt-fn-4b", data.replace("+31 30 123 4567", "+31 30 765 4321"),
                "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);

        assertThat(accountUpdates() - accountUpdatesBefore).as("one PUT per division").isEqualTo(2);
        assertThat(sandbox.rows(DIVISION_B, "crm/Accounts")).anySatisfy(a -> {
            assertThat(a.get("Phone")).isEqualTo("+31 30 765 4321");
            assertThat(String.valueOf(a.get("Name"))).contains("rel-fn-4");
        });
    }

    @Test
    void adoptsTheExactAccountWithTheSameVatNumberInsteadOfCreatingADuplicate() throws Exception {
        String existing = exact.createAccount(target(DIVISION_A), AccountFields.none().name("Korst rel-fn-5")
                .vatNumber("NL555555555B01").status("C")).id().toString();
        int accountsBefore = sandbox.rows(DIVISION_A, "crm/Accounts").size();

        JsonNode answer = invoke(envelope("evt-fn-5", relation("rel-fn-5", "NL555555555B01", "55555555"),
                "[" + DIVISION_A + "]"), 200);

        assertThat(answer.at("/results/0/exactId").asText()).isEqualTo(existing);
        assertThat(sandbox.rows(DIVISION_A, "crm/Accounts")).hasSize(accountsBefore);
    }

    @Test
    void reportsABookkeepersChangeAsAConflictAndOverwritesNothing() throws Exception {
        String data = relation("rel-fn-6", "NL666666666B01", "66666666");
        String id = invoke(envelope("evt-fn-6a", data, "[" + DIVISION_A + "]"), 200).at("/results/0/exactId")
                .asText();
        exact.updateAccount(target(DIVISION_A), UUID.fromString(id), AccountFields.none().city("Amersfoort"));

        // Done (200): the rest of the relation is in step; the conflict goes to the CRM as a callback.
        invoke(envelope("evt-fn-6b", data.replace("Utrecht", "Zeist"), "[" + DIVISION_A + "]"), 200);

        assertThat(sandbox.rows(DIVISION_A, "crm/Accounts")).filteredOn(a -> id.equals(String.valueOf(a.get("ID"))))
                .singleElement().satisfies(a -> assertThat(a.get("City")).isEqualTo("Amersfoort"));
        assertThat(drainCallbacks("relation:rel-fn-6")).startsWith("relation.synced").endsWith("relation.conflict");
    }

    @Test
    void syncsASupplierAndACustomerWhoIsAlsoASupplier() throws Exception {
        String supplier = relation("rel-fn-7", "NL777777777B01", "77777777")
                .replace("\"roles\":[\"customer\"]", "\"roles\":[\"supplier\"]");
        String both = relation("rel-fn-8", "NL888888888B01", "88888888")
                .replace("\"roles\":[\"customer\"]", "\"roles\":[\"customer\",\"supplier\"]");

        String supplierId = invoke(envelope("evt-fn-7", supplier, "[" + DIVISION_A + "]"), 200)
                .at("/results/0/exactId").asText();
        String bothId = invoke(envelope("evt-fn-8", both, "[" + DIVISION_A + "]"), 200).at("/results/0/exactId")
                .asText();

        Map<String, Object> supplierRow = accountRow(DIVISION_A, supplierId);
        Map<String, Object> bothRow = accountRow(DIVISION_A, bothId);
        assertThat(supplierRow.get("IsSupplier")).isEqualTo(true);
        assertThat(supplierRow.get("Status")).isNotEqualTo("C");
        assertThat(bothRow.get("IsSupplier")).isEqualTo(true);
        assertThat(bothRow.get("Status")).isEqualTo("C");
    }

    private long accountUpdates() {
        return sandbox.changes().stream()
                .filter(c -> "Accounts".equals(c.topic()) && "Update".equals(c.action())).count();
    }

    private Map<String, Object> accountRow(int division, String id) {
        return sandbox.rows(division, "crm/Accounts").stream().filter(a -> id.equals(String.valueOf(a.get("ID"))))
                .findFirst().orElseThrow();
    }

    /** Takes the entity's queued callbacks in order, as a CRM that answers 2xx would; returns their types. */
    private List<String> drainCallbacks(String entityKey) {
        List<String> types = new ArrayList<>();
        for (Optional<QueuedCallback> head = outbox.head(TENANT, entityKey); head.isPresent();
                head = outbox.head(TENANT, entityKey)) {
            QueuedCallback leased = outbox.lease(head.get(), "test", clock.instant().plusSeconds(60)).orElseThrow();
            assertThat(outbox.delivered(leased, "test")).isTrue();
            types.add(leased.type());
        }
        return types;
    }

    private ExactTarget target(int division) {
        return new ExactTarget(connections.find(TENANT).orElseThrow().tokenKey(), division);
    }

    /** The contract's example relation under another id, VAT and KvK number and name: it matches no other. */
    private static String relation(String id, String vatNumber, String chamberOfCommerce) {
        return RelationUpsertAgainstSandboxTest.BAKERY.replace("rel-1001", id)
                .replace("NL123456789B01", vatNumber).replace("12345678", chamberOfCommerce).replace("De Gouden Korst", "Korst " + id);
    }

    private String envelope(String eventId, String data, String divisions) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"relation.upserted\",\"occurredAt\":\""
                + clock.instant() + "\",\"tenant\":\"" + TENANT + "\",\"divisions\":" + divisions + ",\"data\":"
                + data + "}";
    }

    private JsonNode invoke(String body, int expectedStatus) throws Exception {
        return invoke(new HttpRequestEvent("/crm/relations", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(SECRET, clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body, false),
                expectedStatus);
    }

    private JsonNode invoke(HttpRequestEvent request, int expectedStatus) throws Exception {
        String response = given().contentType("application/json").body(json.writeValueAsString(request))
                .when().post("/")
                .then().statusCode(200).extract().asString();
        JsonNode proxy = json.readTree(response);
        assertThat(proxy.get("statusCode").asInt()).as(response).isEqualTo(expectedStatus);
        return json.readTree(proxy.get("body").asText());
    }
}
