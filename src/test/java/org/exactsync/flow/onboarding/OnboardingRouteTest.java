package org.exactsync.flow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.AdminGuard;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.store.AuditEntry;
import org.exactsync.store.AuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The onboarding admin routes through the tenant admin router, signed as the contract says. */
class OnboardingRouteTest {

    private static final String SECRET = "admin-secret";
    private static final String BASE = "/admin/tenants/" + OnboardingFixture.TENANT + "/divisions/"
            + OnboardingFixture.DIVISION + "/onboarding/";

    private final OnboardingFixture fx = new OnboardingFixture();
    private final ObjectMapper json = new ObjectMapper();
    // Only the onboarding routes are reached: the other services are left out.
    private final TenantAdmin admin = new TenantAdmin(new AdminGuard(new TenantSettings(List.of(new Tenant(
            OnboardingFixture.TENANT, "inbound-secret", "out", Optional.empty(), ConflictPolicy.REPORT, List.of(),
            Optional.of(SECRET)))), (tenant, signature, forgetAfter, now) -> true, new NoAudit(), fx.clock,
            Duration.ofSeconds(300)), null, null, null, json, null, null,
            new OnboardingAdmin(fx.connections, fx.service, json));

    /** The audit trail is tested with the admin routes; here it keeps nothing. */
    private static final class NoAudit implements AuditTrail {
        @Override
        public void record(AuditEntry entry) {
            // kept nowhere
        }

        @Override
        public List<AuditEntry> recent(String tenant, int limit) {
            return List.of();
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private HttpResponseEvent call(String method, String route, String body, String secret) {
        String path = BASE + route;
        String header = RouteSignature.sign(secret, fx.clock.instant(), method, path, "/admin/", Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
        return admin.handle(new HttpRequestEvent(method, null, path, null, Map.of(CrmSignature.HEADER, header),
                Map.of(), body, false));
    }

    @Test
    void buildsTheIndexThenReportsAmbiguityAndTakesTheOperatorsChoice() throws Exception {
        fx.seed(List.of(Map.of("Code", "11", "Name", "De Vries"), Map.of("Code", "12", "Name", "De Vries")));

        HttpResponseEvent built = call("POST", "index", "{\"division\":" + OnboardingFixture.DIVISION + "}", SECRET);
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        assertThat(json.readTree(built.body()).get("accounts").asLong()).isEqualTo(2);
        fx.matching.assess(OnboardingFixture.TENANT, OnboardingFixture.DIVISION,
                Accounts.relation("r1", "De Vries", null, null, null, "3512 AB"));

        JsonNode report = json.readTree(call("GET", "report", "", SECRET).body());
        assertThat(report.get("ambiguous").asLong()).isEqualTo(1);
        assertThat(report.get("findings").get(0).get("kind").asText()).isEqualTo("AMBIGUOUS_MATCH");
        HttpResponseEvent csv = call("GET", "report.csv", "", SECRET);
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("AMBIGUOUS_MATCH,r1,11 12,");

        HttpResponseEvent chosen = call("PUT", "choices/r1", "{\"relationId\":\"r1\",\"accountCode\":\"12\"}",
                SECRET);
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        JsonNode after = json.readTree(call("GET", "report", "", SECRET).body());
        assertThat(after.get("ambiguous").asLong()).isZero();
        assertThat(after.get("matched").asLong()).isEqualTo(1);
    }

    @Test
    void refusesChoicesThatNameNoKnownAccountOrBothOrAnotherRelation() {
        fx.seed(List.of(Map.of("Code", "11", "Name", "Een")));
        call("POST", "index", "{\"division\":" + OnboardingFixture.DIVISION + "}", SECRET);

        assertThat(call("PUT", "choices/r1", "{\"relationId\":\"r1\",\"accountCode\":\"99\"}", SECRET).body())
                .contains("accountCode");
        assertThat(call("PUT", "choices/r1", "{\"relationId\":\"r1\",\"accountCode\":\"11\",\"createNew\":true}",
                SECRET).statusCode()).isEqualTo(400);
        assertThat(call("PUT", "choices/r1", "{\"relationId\":\"r2\",\"createNew\":true}", SECRET).statusCode())
                .isEqualTo(400);
        assertThat(call("PUT", "choices/r1", "{\"relationId\":\"r1\",\"createNew\":true}", SECRET).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAWrongSignatureAndDivisionsNotConnected() {
        int before = fx.calls();
        assertThat(call("POST", "index", "{\"division\":" + OnboardingFixture.DIVISION + "}", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(fx.calls()).isEqualTo(before);
        String path = "/admin/tenants/" + OnboardingFixture.TENANT + "/divisions/999/onboarding/report";
        String header = RouteSignature.sign(SECRET, fx.clock.instant(), "GET", path, "/admin/", Map.of(),
                new byte[0]);
        assertThat(admin.handle(new HttpRequestEvent("GET", null, path, null, Map.of(CrmSignature.HEADER, header),
                Map.of(), "", false)).statusCode()).isEqualTo(404);
        assertThat(call("POST", "report", "", SECRET).statusCode()).isEqualTo(405);
    }
}
