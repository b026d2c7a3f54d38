package org.exactsync.flow.payment.report;

import org.exactsync.crm.inbound.HttpRequestEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.flow.payment.PaymentFlowFixtureAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The receivables report for a CRM relation, read live from the sandbox, behind the CRM's signature. */
class ReceivablesReportAgainstSandboxTest {

    private static final String SECRET = "report-inbound-secret";

    private final ObjectMapper json = new ObjectMapper();
    private PaymentFlowFixtureAccess fx;
    private ReceivablesReportEndpoint endpoint;

    @BeforeEach
    void start() {
        fx = new PaymentFlowFixtureAccess();
        fx.mappings().createIfAbsent(new MappingKey(fx.tenant(), fx.division(), EntityKind.RELATION, "rel-pay"),
                new MappingChange(fx.customer().toString(), "1", null, Map.of()));
        ReceivablesReportService service = new ReceivablesReportService(new DynamoDbConnectionStore(
                fx.dynamoClient(), fx.table(), fx.clock()), fx.mappings(), fx.client(), fx.clock());
        endpoint = new ReceivablesReportEndpoint(service, new TenantSettings(List.of(new Tenant(fx.tenant(), SECRET,
                "out", Optional.empty(), ConflictPolicy.REPORT, List.of()))), fx.clock(), Duration.ofSeconds(300),
                json);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void reportsTotalOpenOverdueAgeingAndAverageDaysToPay() throws Exception {
        // Today is 2026-11-26 in the fixture.
        book("2026-11-20", "100.00", "2026-12-20");               // 121.00, 6 days old, not due
        book("2026-09-10", "200.00", "2026-10-10");               // 242.00, 77 days old, overdue
        String paid = book("2026-11-01", "50.00", "2026-11-15");  // 60.50, paid after 10 days
        fx.finance().payInFull(fx.division(), UUID.fromString(paid), LocalDate.of(2026, 11, 11));
        String partly = book("2026-11-10", "10.00", "2026-11-20");  // 12.10, 2.10 paid, overdue
        fx.finance().registerPayment(fx.division(), UUID.fromString(partly), new BigDecimal("2.10"),
                LocalDate.of(2026, 11, 12));

        HttpResponseEvent answer = endpoint.handle(request("rel-pay", SECRET));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("relationId").asText()).isEqualTo("rel-pay");
        assertThat(report.get("asOf").asText()).isEqualTo("2026-11-26");
        JsonNode division = report.get("divisions").get(0);
        assertThat(division.get("division").asInt()).isEqualTo(fx.division());
        assertThat(division.get("totalOpen").asText()).isEqualTo("373.00");
        assertThat(division.get("overdue").asText()).isEqualTo("252.00");
        assertThat(division.get("openItems").asInt()).isEqualTo(3);
        assertThat(division.get("ageing").get("0-30").asText()).isEqualTo("131.00");
        assertThat(division.get("ageing").get("61-90").asText()).isEqualTo("242.00");
        assertThat(division.get("ageing").get("31-60").asText()).isEqualTo("0.00");
        assertThat(division.get("ageing").get("90+").asText()).isEqualTo("0.00");
        assertThat(division.get("averageDaysToPay").asText()).isEqualTo("10.0");
    }

    @Test
    void refusesAMissingOrWrongSignatureAndAsksForTheRelation() {
        assertThat(endpoint.handle(request("rel-pay", "wrong")).statusCode()).isEqualTo(401);
        assertThat(endpoint.handle(new HttpRequestEvent("GET", null, "/crm/receivables", null, Map.of(),
                Map.of("relationId", "rel-pay"), null, false)).statusCode()).isEqualTo(401);
        assertThat(endpoint.handle(request(null, SECRET)).statusCode()).isEqualTo(400);
    }

    @Test
    void aRelationNotSyncedToAnyDivisionHasAnEmptyReportAndCostsNoCall() throws Exception {
        int before = fx.calls();

        HttpResponseEvent answer = endpoint.handle(request("rel-unknown", SECRET));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("divisions")).isEmpty();
        assertThat(fx.calls()).isEqualTo(before);
    }

    private HttpRequestEvent request(String relationId, String secret) {
        Map<String, String> query = relationId == null ? Map.of("tenant", fx.tenant())
                : Map.of("tenant", fx.tenant(), "relationId", relationId);
        return new HttpRequestEvent("GET", null, "/crm/receivables", null, Map.of(CrmSignature.HEADER,
                RouteSignature.sign(secret, fx.clock().instant(), "GET", "/crm/receivables", "/crm/", query,
                        new byte[0])), query, null, false);
    }

    private String book(String date, String exVat, String dueDate) {
        ExactFields fields = ExactFields.empty().with("Journal", "70").with("Customer", fx.customer())
                .with("EntryDate", LocalDate.parse(date)).with("YourRef", "R-" + date)
                .withLines("SalesEntryLines", List.of(ExactFields.empty()
                        .with("GLAccount", MasterDataSeed.id(fx.division(), "gl", "8000").toString())
                        .with("AmountFC", new BigDecimal(exVat)).with("VATCode", "2")));
        if (dueDate != null) {
            fields = fields.with("DueDate", LocalDate.parse(dueDate));
        }
        ExactRow entry = fx.client().create(fx.target(), "salesentry/SalesEntries", fields);
        return entry.string("EntryID");
    }

}
