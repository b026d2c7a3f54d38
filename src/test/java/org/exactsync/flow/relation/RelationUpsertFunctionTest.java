package org.exactsync.flow.relation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventStore;
import org.exactsync.store.QueuedCallback;
import org.exactsync.store.SyncMode;
import org.exactsync.store.TokenKey;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource.InjectSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
