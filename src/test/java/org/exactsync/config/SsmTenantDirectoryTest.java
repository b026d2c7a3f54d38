package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.config.TenantDirectory;
import org.exactsync.crm.TenantSettings;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/**
 * A function reads a tenant's SSM folder when it first meets the tenant, once per instance, and never another
 * tenant's: against a fake SSM over real HTTP that records every request.
 */
class SsmTenantDirectoryTest {

    private static Map<String, String> twoTenants() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("/p/client-secret", "s3cr3t");
        parameters.put("/p/crm/acme/inbound-secret", "in-acme");
        parameters.put("/p/crm/acme/outbound-secret", "out-acme");
        parameters.put("/p/crm/acme/callback-url", "https://crm.acme.example/hooks");
        parameters.put("/p/crm/acme/conflict-policy", "crm-wins");
        parameters.put("/p/crm/acme/divisions", "100, 200");
        parameters.put("/p/crm/other/inbound-secret", "in-other");
        parameters.put("/p/crm/other/outbound-secret", "out-other");
        return parameters;
    }

    @Test
    void readsATenantsFolderOnFirstUseOnlyAndNeverAnotherTenants() throws IOException {
        try (FakeSsm ssm = new FakeSsm(twoTenants())) {
            AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T10:00:00Z"));
            TenantSettings tenants = new TenantSettings(List.of(),
                    TenantDirectoryProducer.directory(ssm.lambda("/p/", "client-secret,crm")), clock);

            assertThat(ssm.requests()).as("nothing read before a tenant is met").isEmpty();
            Tenant acme = tenants.tenant("acme").orElseThrow();
            tenants.tenant("acme");
            tenants.tenant("acme");

            assertThat(acme.inboundSecret()).isEqualTo("in-acme");
            assertThat(acme.outboundSecret()).isEqualTo("out-acme");
            assertThat(acme.callbackUrl()).contains(URI.create("https://crm.acme.example/hooks"));
            assertThat(acme.conflictPolicy()).isEqualTo(ConflictPolicy.CRM_WINS);
            assertThat(acme.divisions()).containsExactly(100, 200);
            // Five parameters, two per page: one look-up of three pages, all of them of acme's folder.
            assertThat(ssm.requests()).hasSize(3).extracting(FakeSsm.Request::action, FakeSsm.Request::name)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple("GetParametersByPath", "/p/crm/acme"));
            assertThat(ssm.requests()).noneMatch(r -> r.name().contains("other") || r.name().equals("/p/crm"));
        }
    }

    @Test
    void aThrottledTenantLookUpIsRetriedAndStillAnswers() throws IOException {
        try (FakeSsm ssm = new FakeSsm(twoTenants()).failFirst(400, 500)) {
            TenantSettings tenants = new TenantSettings(List.of(),
                    TenantDirectoryProducer.directory(ssm.lambda("/p/", "crm")), java.time.Clock.systemUTC());

            assertThat(tenants.tenant("other")).map(Tenant::inboundSecret).contains("in-other");
            assertThat(ssm.requests()).extracting(FakeSsm.Request::answered).containsExactly(false, false, true);
        }
    }

    @Test
    void anUnknownOrUnsafeTenantCostsAtMostOneLookUpPerMinute() throws IOException {
        try (FakeSsm ssm = new FakeSsm(twoTenants())) {
            AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T10:00:00Z"));
            TenantSettings tenants = new TenantSettings(List.of(),
                    TenantDirectoryProducer.directory(ssm.lambda("/p/", "crm")), clock);

            assertThat(tenants.tenant("nobody")).isEmpty();
            assertThat(tenants.tenant("nobody")).isEmpty();
            assertThat(tenants.tenant("acme/../other")).isEmpty();
            assertThat(tenants.tenant("..")).isEmpty();
            assertThat(ssm.requests()).extracting(FakeSsm.Request::name).containsExactly("/p/crm/nobody");

            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(tenants.tenant("nobody")).isEmpty();
            assertThat(ssm.requests()).hasSize(2);
        }
    }

    @Test
    void aFunctionNotGrantedCrmHasNoDirectory() {
        assertThat(TenantDirectoryProducer.directory(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/p/",
                "AWS_REGION", "eu-west-1", SecretGrant.VARIABLE, "client-secret"))).isSameAs(TenantDirectory.NONE);
        assertThat(TenantDirectoryProducer.directory(Map.of(SecretGrant.VARIABLE, "crm")))
                .as("outside AWS").isSameAs(TenantDirectory.NONE);
    }
}
