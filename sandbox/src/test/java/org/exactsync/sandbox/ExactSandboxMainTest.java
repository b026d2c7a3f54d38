package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactSandboxMainTest {

    @Test
    void configuresClientPortAndWebhookSecretFromTheEnvironment() {
        Map<String, String> env = Map.of("EXACT_SANDBOX_PORT", "0", "EXACT_SANDBOX_CLIENT_ID", "local-client",
                "EXACT_SANDBOX_CLIENT_SECRET", "local-secret", "EXACT_SANDBOX_REDIRECT_URI", "http://localhost/cb",
                "EXACT_SANDBOX_WEBHOOK_SECRET", "local-webhook");
        try (ExactSandbox sandbox = ExactSandboxMain.fromEnvironment(env).build().start()) {
            assertThat(sandbox.clientId()).isEqualTo("local-client");
            assertThat(sandbox.redirectUri()).isEqualTo("http://localhost/cb");
            assertThat(sandbox.webhookSecret()).isEqualTo("local-webhook");
            assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            SandboxHttp http = new SandboxHttp(sandbox).connected();
            assertThat(http.get("/api/v1/current/Me?$select=UserID").statusCode()).isEqualTo(200);
        }
    }
}
