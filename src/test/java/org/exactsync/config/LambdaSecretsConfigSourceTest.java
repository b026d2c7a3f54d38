package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secrets come from SSM Parameter Store inside Lambda (signed with the role's credentials), and from nowhere else. */
class LambdaSecretsConfigSourceTest {

    private HttpServer ssm;
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> securityTokens = new ArrayList<>();

    @AfterEach
    void stop() {
        if (ssm != null) {
            ssm.stop(0);
        }
    }

    @Test
    void isEmptyOutsideLambda() {
        assertThat(new LambdaSecretsConfigSource(Map.of()).getPropertyNames()).isEmpty();
        assertThat(new LambdaSecretsConfigSource(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/x/")).getPropertyNames())
                .as("no role credentials: not in Lambda").isEmpty();
    }

    @Test
    void readsBothSecretsBelowThePathWithSignedDecryptingRequests() throws IOException {
        int port = startSsm(Map.of("/exact-connector/client-secret", "s3cr3t",
                "/exact-connector/webhook-secret", "hook"));

        LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(lambda(port, "/exact-connector/"));

        assertThat(source.getValue("exact.client-secret")).isEqualTo("s3cr3t");
        assertThat(source.getValue("exact.webhook-secret")).isEqualTo("hook");
        assertThat(authorizations).hasSize(2).allSatisfy(a -> assertThat(a)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/ssm/aws4_request")
                .contains("x-amz-target"));
        assertThat(securityTokens).containsOnly("session-1");
    }

    @Test
    void leavesAMissingParameterToOtherSources() throws IOException {
        int port = startSsm(Map.of("/p/client-secret", "only-this"));

        LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(lambda(port, "/p/"));

        assertThat(source.getPropertyNames()).containsExactly("exact.client-secret");
    }

    @Test
    void failsTheStartWhenParameterStoreCannotBeReached() {
        assertThatThrownBy(() -> new LambdaSecretsConfigSource(lambda(1, "/p/")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreachable");
    }

    private static Map<String, String> lambda(int port, String path) {
        Map<String, String> env = new HashMap<>();
        env.put("EXACT_SECRETS_PARAMETER_PATH", path);
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_SESSION_TOKEN", "session-1");
        env.put("AWS_REGION", "eu-west-1");
        env.put("EXACT_SECRETS_SSM_ENDPOINT", "http://127.0.0.1:" + port + "/");
        return env;
    }

    private int startSsm(Map<String, String> parameters) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ssm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ssm.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            securityTokens.add(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
            JsonNode request = json.readTree(exchange.getRequestBody());
            boolean getParameter = "AmazonSSM.GetParameter".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    && request.path("WithDecryption").asBoolean();
            String value = getParameter ? parameters.get(request.path("Name").asText()) : null;
            byte[] body = (value == null
                    ? "{\"__type\":\"ParameterNotFound\"}"
                    : "{\"Parameter\":{\"Name\":\"" + request.path("Name").asText() + "\",\"Value\":\"" + value + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(value == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ssm.start();
        return ssm.getAddress().getPort();
    }
}
