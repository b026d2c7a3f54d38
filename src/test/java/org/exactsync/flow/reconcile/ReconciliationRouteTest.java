package org.exactsync.flow.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.flow.admin.AdminGuard;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/tenants/<t>/reconciliation} through the tenant admin router, signed as the contract says. */
class ReconciliationRouteTest {

    private static final String SECRET = "admin-secret";
    private static final String QUERY = "?division=100001&from=2026-11-01&to=2026-11-30";

    private final ReconciliationFixture fx = new ReconciliationFixture();
    private final ObjectMapper json = new ObjectMapper();
    // The connection, event and ledger-mapping routes are not reached by these requests: their services are left out.
    private final TenantAdmin admin = new TenantAdmin(new AdminGuard(new TenantSettings(List.of(new Tenant(
            ReconciliationFixture.TENANT, "inbound-secret", "out", Optional.empty(), ConflictPolicy.REPORT, List.of(),
            Optional.of(SECRET)))), (tenant, signature, forgetAfter, now) -> true, new NoAudit(), fx.clock,
            Duration.ofSeconds(300)), null, null, null, json, fx.admin(), null);

    /** The audit trail is tested with the admin routes; here it keeps nothing. */
    private static final class NoAudit implements org.exactsync.store.AuditTrail {
        @Override
        public void record(org.exactsync.store.AuditEntry entry) {
            // kept nowhere
        }

        @Override
        public List<org.exactsync.store.AuditEntry> recent(String tenant, int limit) {
            return List.of();
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void answersCountsAndFindingsWithIdsAndAmountsOnly() throws Exception {
        fx.syncRelation("rel-1", "Zeist");
        String entry = fx.book("inv-1", "rel-1", "2026-11-10", "1000.00", "210.00");
        fx.changeLine(entry, ExactFields.empty().with("VATAmountFC", new BigDecimal("209.99")));

        HttpResponseEvent response = get(QUERY, SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("invoicesChecked").asInt()).isEqualTo(1);
        assertThat(body.get("relationsChecked").asInt()).isEqualTo(1);
        assertThat(body.get("invoiceFindings").asInt()).isEqualTo(1);
        assertThat(body.get("relationFindings").asInt()).isZero();
        JsonNode finding = body.get("invoices").get(0);
        assertThat(finding.get("invoiceId").asText()).isEqualTo("inv-1");
        assertThat(finding.get("entryId").asText()).isEqualTo(entry);
        assertThat(finding.get("kind").asText()).isEqualTo("vat-changed");
        assertThat(finding.get("booked").asText()).isEqualTo("210.00");
        assertThat(finding.get("exact").asText()).isEqualTo("209.99");
        assertThat(response.body()).doesNotContain("Klant", "Zeist");
    }

    @Test
    void refusesAWrongSignatureBeforeReadingExact() {
        int before = fx.calls();

        HttpResponseEvent response = get(QUERY, "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(fx.calls()).isEqualTo(before);
    }

    @Test
    void refusesMissingOrInvertedDatesAndDivisionsNotConnected() {
        assertThat(get("?division=100001&from=2026-11-01", SECRET).statusCode()).isEqualTo(400);
        assertThat(get("?division=x&from=2026-11-01&to=2026-11-30", SECRET).statusCode()).isEqualTo(400);
        assertThat(get("?division=100001&from=2026-11-30&to=2026-11-01", SECRET).statusCode()).isEqualTo(400);
        assertThat(get("?division=100001&from=2025-01-01&to=2026-11-30", SECRET).statusCode()).isEqualTo(400);
        assertThat(get("?division=100002&from=2026-11-01&to=2026-11-30", SECRET).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyGetIsAllowed() {
        assertThat(call("POST", QUERY, SECRET).statusCode()).isEqualTo(405);
    }

    private HttpResponseEvent get(String query, String secret) {
        return call("GET", query, secret);
    }

    private HttpResponseEvent call(String method, String query, String secret) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : query.substring(1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        String path = "/admin/tenants/" + ReconciliationFixture.TENANT + "/reconciliation";
        String header = RouteSignature.sign(secret, fx.clock.instant(), method, path, "/admin/", params,
                "".getBytes(StandardCharsets.UTF_8));
        return admin.handle(new HttpRequestEvent(method, null, path, null, Map.of(CrmSignature.HEADER, header), params,
                "", false));
    }
}
