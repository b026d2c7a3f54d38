package org.exactsync.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.exactsync.config.CrmConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The {@code crm.*} keys as an operator writes them, read through the same config mapping Quarkus uses. */
class TenantSettingsTest {

    private static CrmConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                // Quarkus's own duration syntax ("5s", "1h"), as the application gets it.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(CrmConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(CrmConfig.class);
    }

    @Test
    void readsEachTenantsSecretsUrlPolicyAndDivisions() {
        TenantSettings settings = new TenantSettings(config(Map.of(
                "crm.tenants.default.inbound-secret", "in-1",
                "crm.tenants.default.outbound-secret", "out-1",
                "crm.tenants.\"stichting.nl\".inbound-secret", "in-2",
                "crm.tenants.\"stichting.nl\".outbound-secret", "out-2",
                "crm.tenants.\"stichting.nl\".callback-url", "https://crm.example/hooks/exact",
                "crm.tenants.\"stichting.nl\".conflict-policy", "crm-wins",
                "crm.tenants.\"stichting.nl\".divisions", "123456,234567")));

        Tenant plain = settings.tenant("default").orElseThrow();
        assertThat(plain.inboundSecret()).isEqualTo("in-1");
        assertThat(plain.callbackUrl()).isEmpty();
        assertThat(plain.conflictPolicy()).isEqualTo(ConflictPolicy.REPORT);
        assertThat(plain.divisions()).isEmpty();
        Tenant dotted = settings.tenant("stichting.nl").orElseThrow();
        assertThat(dotted.outboundSecret()).isEqualTo("out-2");
        assertThat(dotted.callbackUrl()).contains(URI.create("https://crm.example/hooks/exact"));
        assertThat(dotted.conflictPolicy()).isEqualTo(ConflictPolicy.CRM_WINS);
        assertThat(dotted.divisions()).containsExactly(123456, 234567);
        assertThat(settings.tenant("unknown")).isEmpty();
        assertThat(dotted.toString()).doesNotContain("in-2", "out-2");
    }

    @Test
    void startsWithNoTenantsAndTheContractsTimings() {
        CrmConfig config = config(Map.of());

        assertThat(new TenantSettings(config).all()).isEmpty();
        assertThat(config.inbound().signatureTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.inbound().eventRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.callback().maxBackoff()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAnUnknownConflictPolicyAndARelativeCallbackUrl() {
        assertThatThrownBy(() -> new TenantSettings(config(Map.of(
                "crm.tenants.a.inbound-secret", "i", "crm.tenants.a.outbound-secret", "o",
                "crm.tenants.a.conflict-policy", "exact-wins"))))
                .hasMessageContaining("conflict policy");
        assertThatThrownBy(() -> new TenantSettings(config(Map.of(
                "crm.tenants.a.inbound-secret", "i", "crm.tenants.a.outbound-secret", "o",
                "crm.tenants.a.callback-url", "crm.example/hooks"))))
                .hasMessageContaining("callback-url");
    }

    @Test
    void readsATenantFromEnvironmentVariablesAsTheCloudSetsThem() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(CrmConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "CRM_TENANTS__DEFAULT__INBOUND_SECRET", "env-in",
                        "CRM_TENANTS__DEFAULT__OUTBOUND_SECRET", "env-out",
                        "CRM_TENANTS__DEFAULT__CALLBACK_URL", "https://crm.example/cb",
                        "CRM_TENANTS__DEFAULT__DIVISIONS", "100,200"), 300))
                .build();

        Tenant tenant = new TenantSettings(config.getConfigMapping(CrmConfig.class)).tenant("default").orElseThrow();

        assertThat(tenant.inboundSecret()).isEqualTo("env-in");
        assertThat(tenant.callbackUrl()).contains(URI.create("https://crm.example/cb"));
        assertThat(tenant.divisions()).containsExactly(100, 200);
    }

    @Test
    void givesTheLocalRunADefaultTenantWithLocalSecretsAndNoCallbackUrl() throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("dev")
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(CrmConfig.class)
                .withSources(new PropertiesConfigSource(
                        getClass().getResource("/application.properties"), 250))
                .build();

        Tenant local = new TenantSettings(config.getConfigMapping(CrmConfig.class)).tenant("default").orElseThrow();

        // No environment source here, so the placeholders' defaults apply.
        assertThat(local.inboundSecret()).isEqualTo("local-inbound-secret");
        assertThat(local.callbackUrl()).isEmpty();
    }

    @Test
    void keepsTheOrderOfTheDivisionsList() {
        assertThat(new TenantSettings(List.of(new Tenant("t", "i", "o", java.util.Optional.empty(),
                ConflictPolicy.REPORT, List.of(3, 1, 2)))).tenant("t").orElseThrow().divisions())
                .containsExactly(3, 1, 2);
    }
}
