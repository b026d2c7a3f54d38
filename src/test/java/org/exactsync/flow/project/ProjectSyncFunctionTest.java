package org.exactsync.flow.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.ScheduleTick;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.QueuedCallback;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
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
 * {@code project-sync} through the Lambda mock event server (API Gateway proxy events in, the contract's answers
 * out) and the scheduled {@code project-costs} bean, against the Exact sandbox over HTTP and DynamoDB (dynalite).
 */
@QuarkusTest
@TestProfile(ProjectSyncProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "project-function"))
@QuarkusTestResource(value = ExactSandboxTestResource.class, restrictToAnnotatedClass = true)
class ProjectSyncFunctionTest {

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
    CallbackOutbox outbox;
    @Inject
    ProjectCostsFunction costs;
    @Inject
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();
    private TokenKey key;

    @BeforeEach
    void connectTheTenantOnce() {
        if (connections.find(TENANT).isPresent()) {
            key = connections.find(TENANT).get().tokenKey();
            return;
        }
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        key = exact.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(DIVISION_A, DIVISION_B), List.of(DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null,
                null, 0)).orElseThrow();
    }

    @Test
    void createsTheCostCenterInTwoDivisionsThenReadsBackItsPurchases() throws Exception {
        String data = "{\"id\":\"prj-fn-1\",\"number\":\"FN-0001\",\"description\":\"Functietest\",\"active\":true}";

        JsonNode answer = invoke(envelope("evt-prj-1", data, "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);
        int callsAfter = sandbox.calls().totalCalls(DIVISION_A) + sandbox.calls().totalCalls(DIVISION_B);
        JsonNode again = invoke(envelope("evt-prj-2", data, "[" + DIVISION_A + "," + DIVISION_B + "]"), 200);

        assertThat(answer.get("status").asText()).isEqualTo("synced");
        assertThat(answer.get("results").findValuesAsText("code")).containsExactly("FN0001", "FN0001");
        assertThat(again.get("results")).isEqualTo(answer.get("results"));
        assertThat(sandbox.calls().totalCalls(DIVISION_A) + sandbox.calls().totalCalls(DIVISION_B))
                .isEqualTo(callsAfter);
        assertThat(outbox.head(TENANT, "project:prj-fn-1")).map(QueuedCallback::type).contains("project.synced");

        UUID supplier = exact.createAccount(new ExactTarget(key, DIVISION_A), AccountFields.none()
                .name("Leverancier Functietest").supplier(true)).id();
        Map<String, Object> line = new HashMap<>();
        line.put("GLAccount", MasterDataSeed.id(DIVISION_A, "gl", "4010"));
        line.put("AmountFC", new BigDecimal("120.00"));
        line.put("VATCode", "2");
        line.put("CostCenter", "FN0001");
        SandboxFinance.of(sandbox).bookPurchaseEntry(DIVISION_A, Map.of("Journal", "60", "Supplier", supplier,
                "EntryDate", "2026-11-20", "PurchaseEntryLines", List.of(line)));

        ProjectCostsReport report = costs.readBack(new ScheduleTick("tick-1", clock.instant().toString()));

        assertThat(report.failures()).isEmpty();
        assertThat(report.projectsUpdated()).isEqualTo(1);
    }

    @Test
    void refusesAnOverlongDescriptionWithTheFieldNamedAndNoExactCall() throws Exception {
        int before = sandbox.calls().totalCalls(DIVISION_A);
        String data = "{\"id\":\"prj-fn-2\",\"number\":\"FN-0002\",\"description\":\"" + "x".repeat(61) + "\"}";

        JsonNode answer = invoke(envelope("evt-prj-bad", data, "[" + DIVISION_A + "]"), 400);

        assertThat(answer.get("problems").findValuesAsText("field")).containsExactly("data.description");
        assertThat(sandbox.calls().totalCalls(DIVISION_A)).isEqualTo(before);
    }

    private String envelope(String eventId, String data, String divisions) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"project.upserted\",\"occurredAt\":\""
                + clock.instant() + "\",\"tenant\":\"" + TENANT + "\",\"divisions\":" + divisions + ",\"data\":"
                + data + "}";
    }

    private JsonNode invoke(String body, int expectedStatus) throws Exception {
        HttpRequestEvent request = new HttpRequestEvent("/crm/projects", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(SECRET, clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body, false);
        String response = given().contentType("application/json").body(json.writeValueAsString(request))
                .when().post("/")
                .then().statusCode(200).extract().asString();
        JsonNode proxy = json.readTree(response);
        assertThat(proxy.get("statusCode").asInt()).as(response).isEqualTo(expectedStatus);
        return json.readTree(proxy.get("body").asText());
    }
}
