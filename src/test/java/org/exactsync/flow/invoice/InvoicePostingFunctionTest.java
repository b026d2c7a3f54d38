package org.exactsync.flow.invoice;

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
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EntityKind;
import org.exactsync.store.LedgerMappingStore;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingStore;
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
 * {@code invoice-posting} through the Lambda mock event server: API Gateway proxy events in, the contract's answers
 * out, against the Exact sandbox over HTTP and DynamoDB (dynalite).
 */
@QuarkusTest
@TestProfile(InvoicePostingProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "invoice-function"))
@QuarkusTestResource(value = ExactSandboxTestResource.class, restrictToAnnotatedClass = true)
class InvoicePostingFunctionTest {

    private static final String TENANT = "default";
    private static final String SECRET = "test-inbound-secret";
    private static final int DIVISION = 100001;

    @InjectSandbox
    ExactSandbox sandbox;
    @Inject
    ExactOnlineClient exact;
    @Inject
    ConnectionStore connections;
    @Inject
    MappingStore mappings;
    @Inject
    LedgerMappingStore ledgers;
    @Inject
    CallbackOutbox outbox;
    @Inject
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connectTheTenantAndSyncTheRelationOnce() {
        if (connections.find(TENANT).isPresent()) {
            return;
        }
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = exact.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
        ledgers.save(TENANT, DIVISION, LedgerMapping.dutchStandard(), 0).orElseThrow();
        ExactAccount account = exact.createAccount(new ExactTarget(key, DIVISION), AccountFields.none()
                .name("Klant fn").status("C"));
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.RELATION, "rel-1001"),
                new MappingChange(account.id().toString(), account.code(), null, Map.of()));
    }

    @Test
    void booksTheInvoiceAnswersTheEntryAndAnswersADuplicateDeliveryWithoutAnExactCall() throws Exception {
        String data = InvoiceFlowFixture.INVOICE.replace("inv-2026-0042", "inv-fn-1").replace("2026-0042", "FN-1");

        JsonNode first = invoke(envelope("evt-inv-1", data), 200);
        int calls = sandbox.calls().totalCalls(DIVISION);
        JsonNode again = invoke(envelope("evt-inv-2", data), 200);

        assertThat(first.get("status").asText()).isEqualTo("synced");
        JsonNode result = first.get("results").get(0);
        assertThat(result.get("entryId").asText()).isNotBlank();
        assertThat(result.get("entryNumber").asText()).isNotBlank();
        assertThat(result.get("journal").asText()).isEqualTo("70");
        assertThat(result.get("glAccounts").get(0).asText()).isEqualTo("8000");
        assertThat(again.get("results")).isEqualTo(first.get("results"));
        assertThat(sandbox.calls().totalCalls(DIVISION)).isEqualTo(calls);
        assertThat(sandbox.rows(DIVISION, "salesentry/SalesEntries")).filteredOn(e -> "FN-1".equals(e.get("YourRef")))
                .hasSize(1);
        assertThat(outbox.head(TENANT, "invoice:inv-fn-1")).map(QueuedCallback::type).contains("invoice.booked");
    }

    @Test
    void refusesTotalsThatAreNotTheLineSumsNamingTheDifference() throws Exception {
        String data = InvoiceFlowFixture.INVOICE.replace("inv-2026-0042", "inv-fn-2")
                .replace("\"totalVat\":\"210.00\"", "\"totalVat\":\"210.01\"");

        JsonNode answer = invoke(envelope("evt-inv-bad", data), 400);

        assertThat(answer.get("problems").findValuesAsText("field")).contains("data.totalVat");
        assertThat(answer.toString()).contains("difference 0.01");
    }

    private String envelope(String eventId, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"invoice.created\",\"occurredAt\":\"" + clock.instant()
                + "\",\"tenant\":\"" + TENANT + "\",\"divisions\":[" + DIVISION + "],\"data\":" + data + "}";
    }

    private JsonNode invoke(String body, int expectedStatus) throws Exception {
        HttpRequestEvent request = new HttpRequestEvent("/crm/invoices", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(SECRET, clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body, false);
        String response = given().contentType("application/json").body(json.writeValueAsString(request))
                .when().post("/")
                .then().statusCode(200).extract().asString();
        JsonNode proxy = json.readTree(response);
        assertThat(proxy.get("statusCode").asInt()).as(response).isEqualTo(expectedStatus);
        return json.readTree(proxy.get("body").asText());
    }
}
