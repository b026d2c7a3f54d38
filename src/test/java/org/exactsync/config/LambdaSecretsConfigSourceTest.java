package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secrets come from the Parameters and Secrets extension inside Lambda, and from nowhere else. */
class LambdaSecretsConfigSourceTest {

    private HttpServer extension;
    private final List<String> tokensSeen = new ArrayList<>();

    @AfterEach
    void stop() {
        if (extension != null) {
            extension.stop(0);
        }
    }

    @Test
    void isEmptyOutsideLambda() {
        assertThat(new LambdaSecretsConfigSource(Map.of()).getPropertyNames()).isEmpty();
        assertThat(new LambdaSecretsConfigSource(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/x/")).getPropertyNames())
                .as("no session token: not in Lambda").isEmpty();
    }

    @Test
    void readsBothSecretsBelowThePathWithTheSessionToken() throws IOException {
        int port = startExtension(Map.of("/exact-connector/client-secret", "s3cr3t",
                "/exact-connector/webhook-secret", "hook"));

        LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(Map.of(
                "EXACT_SECRETS_PARAMETER_PATH", "/exact-connector/", "AWS_SESSION_TOKEN", "session-1",
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(port)));

        assertThat(source.getValue("exact.client-secret")).isEqualTo("s3cr3t");
        assertThat(source.getValue("exact.webhook-secret")).isEqualTo("hook");
        assertThat(tokensSeen).containsOnly("session-1");
    }

    @Test
    void leavesAMissingParameterToOtherSources() throws IOException {
        int port = startExtension(Map.of("/p/client-secret", "only-this"));

        LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/p/",
                "AWS_SESSION_TOKEN", "t", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(port)));

        assertThat(source.getPropertyNames()).containsExactly("exact.client-secret");
    }

    @Test
    void failsTheStartWhenTheExtensionIsNotThere() {
        assertThatThrownBy(() -> new LambdaSecretsConfigSource(Map.of("EXACT_SECRETS_PARAMETER_PATH", "/p/",
                "AWS_SESSION_TOKEN", "t", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("layer");
    }

    private int startExtension(Map<String, String> parameters) throws IOException {
        extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/systemsmanager/parameters/get", exchange -> {
            tokensSeen.add(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
            String query = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            String name = query.replaceAll(".*name=([^&]+).*", "$1");
            String value = parameters.get(name);
            byte[] body = value == null ? "{}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"Parameter\":{\"Name\":\"" + name + "\",\"Value\":\"" + value + "\"}}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(value == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();
        return extension.getAddress().getPort();
    }
}
