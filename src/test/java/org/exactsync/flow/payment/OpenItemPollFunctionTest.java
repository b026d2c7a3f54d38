package org.exactsync.flow.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingStore;
import org.exactsync.store.QueuedCallback;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource.InjectSandbox;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code open-item-poll} through the Lambda mock event server: an EventBridge tick in, the poll report out, the
 * callback in the DynamoDB outbox, against the Exact sandbox over HTTP.
 */
@QuarkusTest
@TestProfile(OpenItemPollProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "open-item-poll-function"))
@QuarkusTestResource(value = ExactSandboxTestResource.class, restrictToAnnotatedClass = true)
class OpenItemPollFunctionTest {

    private static final String TENANT = "default";
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
    CallbackOutbox outbox;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aScheduledTickReportsAPartialPaymentToTheCrmOnce() throws Exception {
        ExactTarget target = connect();
        UUID customer = exact.createAccount(target, AccountFields.none().name("Poll B.V.").status("C")).id();
        ExactRow entry = exact.create(target, "salesentry/SalesEntries", ExactFields.empty()
                .with("Journal", "70").with("Customer", customer).with("EntryDate", LocalDate.of(2026, 11, 20))
                .with("YourRef", "inv-fn-1").withLines("SalesEntryLines", List.of(ExactFields.empty()
                        .with("GLAccount", MasterDataSeed.id(DIVISION, "gl", "8000").toString())
                        .with("AmountFC", new BigDecimal("100.00")).with("VATCode", "2"))));
        Map<String, String> sent = new HashMap<>(Map.of("state", "booked", "kind", "invoice",
                "totalInclVat", "121.00", "journal", "70", "currency", "EUR"));
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.INVOICE, "inv-fn-1"),
                new MappingChange(entry.string("EntryID"), String.valueOf(entry.integer("EntryNumber")), null, sent));

        JsonNode first = tick();
        SandboxFinance.of(sandbox).registerPayment(DIVISION, UUID.fromString(entry.string("EntryID")),
                new BigDecimal("21.00"), LocalDate.of(2026, 11, 25));
        JsonNode second = tick();
        JsonNode third = tick();

        assertThat(first.get("resyncs").asInt()).isEqualTo(1);
        assertThat(first.get("callbacks").asInt()).isZero();
        assertThat(second.get("callbacks").asInt()).isEqualTo(1);
        assertThat(second.get("failed")).isEmpty();
        assertThat(third.get("callbacks").asInt()).isZero();
        QueuedCallback queued = outbox.head(TENANT, "invoice:inv-fn-1").orElseThrow();
        assertThat(queued.type()).isEqualTo("invoice.payment-status-changed");
        JsonNode data = json.readTree(queued.payload()).get("data");
        assertThat(data.get("status").asText()).isEqualTo("partially-paid");
        assertThat(data.get("openAmount").asText()).isEqualTo("100.00");
        assertThat(data.get("paidAmount").asText()).isEqualTo("21.00");
        assertThat(data.get("lastPaymentDate").asText()).isEqualTo("2026-11-25");
    }

    private ExactTarget connect() {
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = exact.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
        return new ExactTarget(key, DIVISION);
    }

    private JsonNode tick() throws Exception {
        String response = given().contentType("application/json")
                .body("{\"id\":\"tick-1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                        + "\"time\":\"2026-11-26T10:00:00Z\",\"detail\":{}}")
                .when().post("/")
                .then().statusCode(200).extract().asString();
        return json.readTree(response);
    }
}
