package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.exactsync.exact.ExactSettings;
import org.junit.jupiter.api.Test;

class ExactConfigTest {

    private static ExactConfig fromEnvironment(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ExactConfig.class)
                .build();
        return config.getConfigMapping(ExactConfig.class);
    }

    @Test
    void readsTheOperatorsEnvironmentVariablesAndExactsDefaultLimits() {
        ExactConfig config = fromEnvironment(Map.of(
                "EXACT_SITE_URL", "https://start.exactonline.be",
                "EXACT_CLIENT_ID", "client-1",
                "EXACT_CLIENT_SECRET", "secret-1",
                "EXACT_REDIRECT_URI", "https://connector.example/cb",
                "EXACT_WEBHOOK_SECRET", "hook-1"));

        ExactSettings settings = ExactSettings.from(config);

        assertThat(settings.siteUrl()).isEqualTo("https://start.exactonline.be");
        assertThat(settings.clientId()).isEqualTo("client-1");
        assertThat(config.webhookSecret()).isEqualTo("hook-1");
        assertThat(settings.budget()).isEqualTo(new ExactSettings.Budget(60, 5000, 0, Duration.ofMillis(500),
                Duration.ofSeconds(1)));
        assertThat(settings.tokens().refreshSafety()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.tokens().keepAliveAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.tokens().leaseDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.retry().maxAttempts()).isEqualTo(4);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void letsTheLimitsBeTightenedForAnAppWithASmallerBudget() {
        ExactConfig config = fromEnvironment(Map.of(
                "EXACT_CLIENT_ID", "c", "EXACT_CLIENT_SECRET", "s", "EXACT_REDIRECT_URI", "r",
                "EXACT_WEBHOOK_SECRET", "w", "EXACT_BUDGET_PER_MINUTE", "30", "EXACT_BUDGET_SAFETY_MARGIN", "3",
                "EXACT_TOKEN_KEEP_ALIVE_DAYS", "5", "EXACT_HTTP_READ_TIMEOUT", "20s"));

        ExactSettings settings = ExactSettings.from(config);

        assertThat(settings.siteUrl()).isEqualTo("https://start.exactonline.nl");
        assertThat(settings.budget().perMinute()).isEqualTo(30);
        assertThat(settings.budget().safetyMargin()).isEqualTo(3);
        assertThat(settings.tokens().keepAliveAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
