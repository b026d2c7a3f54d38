package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app's secrets come from SSM Parameter Store inside Lambda, through the SDK's client against a fake SSM over real
 * HTTP: signed with the role's credentials, throttling and 5xx retried, and only the secrets the function is granted.
 */
class LambdaSecretsConfigSourceTest {

    @Test
    void isEmptyOutsideLambda() {
        assertThat(new LambdaSecretsConfigSource(Map.of()).getPropertyNames()).isEmpty();
        assertThat(new LambdaSecretsConfigSource(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/x/",
                SecretGrant.VARIABLE, "client-secret")).getPropertyNames()).as("no region: not in Lambda").isEmpty();
    }

    @Test
    void readsTheGrantedSecretsWithSignedDecryptingRequests() throws IOException {
        try (FakeSsm ssm = new FakeSsm(Map.of("/exact-connector/client-secret", "s3cr3t",
                "/exact-connector/webhook-secret", "hook"))) {

            LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(
                    ssm.lambda("/exact-connector/", "client-secret,webhook-secret"));

            assertThat(source.getValue("exact.client-secret")).isEqualTo("s3cr3t");
            assertThat(source.getValue("exact.webhook-secret")).isEqualTo("hook");
            assertThat(ssm.requests()).hasSize(2).allSatisfy(r -> {
                assertThat(r.action()).isEqualTo("GetParameter");
                assertThat(r.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                        .contains("/eu-west-1/ssm/aws4_request").contains("x-amz-target");
                assertThat(r.securityToken()).isEqualTo("session-1");
            });
        }
    }

    @Test
    void aStartThrottledAndAnswered500StillSucceeds() throws IOException {
        try (FakeSsm ssm = new FakeSsm(Map.of("/p/client-secret", "s3cr3t")).failFirst(400, 500, 400)) {

            LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(ssm.lambda("/p/", "client-secret"));

            assertThat(source.getValue("exact.client-secret")).isEqualTo("s3cr3t");
            assertThat(ssm.requests()).extracting(FakeSsm.Request::answered).containsExactly(false, false, false,
                    true);
        }
    }

    @Test
    void readsOnlyWhatTheFunctionIsGranted() throws IOException {
        try (FakeSsm ssm = new FakeSsm(Map.of("/p/client-secret", "s3cr3t", "/p/webhook-secret", "hook",
                "/p/crm/default/inbound-secret", "in"))) {

            LambdaSecretsConfigSource webhook = new LambdaSecretsConfigSource(ssm.lambda("/p/", "webhook-secret"));
            LambdaSecretsConfigSource none = new LambdaSecretsConfigSource(ssm.lambda("/p/", null));

            assertThat(webhook.getPropertyNames()).containsExactly("exact.webhook-secret");
            assertThat(none.getPropertyNames()).isEmpty();
            assertThat(ssm.requests()).extracting(FakeSsm.Request::name).containsExactly("/p/webhook-secret");
        }
    }

    @Test
    void leavesAMissingParameterToOtherSources() throws IOException {
        try (FakeSsm ssm = new FakeSsm(Map.of("/p/client-secret", "only-this"))) {

            LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(
                    ssm.lambda("/p/", "client-secret,webhook-secret"));

            assertThat(source.getPropertyNames()).containsExactly("exact.client-secret");
        }
    }

    @Test
    void failsTheStartWhenParameterStoreKeepsFailing() throws IOException {
        try (FakeSsm ssm = new FakeSsm(Map.of("/p/client-secret", "s3cr3t")).failFirst(500, 500, 500, 500, 500)) {

            assertThatThrownBy(() -> new LambdaSecretsConfigSource(ssm.lambda("/p/", "client-secret")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("GetParameter /p/client-secret")
                    .hasMessageContaining("5 attempts").hasMessageNotContaining("s3cr3t");
            assertThat(ssm.requests()).hasSize(5);
        }
    }

    @Test
    void refusesAnUnknownGrantNamingTheVariable() {
        assertThatThrownBy(() -> new LambdaSecretsConfigSource(Map.of(SecretGrant.VARIABLE, "client-secret,all")))
                .hasMessageContaining("CONNECTOR_SECRETS").hasMessageContaining("'all'");
    }
}
