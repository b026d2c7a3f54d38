package org.exactsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private final List<String> pathRequests = new ArrayList<>();

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
        assertThat(authorizations).as("two GetParameter, one GetParametersByPath").hasSize(3).allSatisfy(a -> assertThat(a)
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
    void readsEveryCrmTenantsSettingsBelowThePathAcrossPages() throws IOException {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("/p/crm/default/inbound-secret", "in-1");
        parameters.put("/p/crm/default/outbound-secret", "out-1");
        parameters.put("/p/crm/default/callback-url", "https://crm.example/hooks");
        parameters.put("/p/crm/shop.nl/inbound-secret", "in-2");
        parameters.put("/p/crm/shop.nl/outbound-secret", "out-2");
        parameters.put("/p/crm/deeper/than/expected", "ignored");
        int port = startSsm(parameters);

        LambdaSecretsConfigSource source = new LambdaSecretsConfigSource(lambda(port, "/p/"));

        assertThat(source.getValue("crm.tenants.\"default\".inbound-secret")).isEqualTo("in-1");
        assertThat(source.getValue("crm.tenants.\"default\".outbound-secret")).isEqualTo("out-1");
        assertThat(source.getValue("crm.tenants.\"default\".callback-url")).isEqualTo("https://crm.example/hooks");
        assertThat(source.getValue("crm.tenants.\"shop.nl\".inbound-secret")).isEqualTo("in-2");
        assertThat(source.getPropertyNames()).noneMatch(name -> name.contains("deeper"));
        CrmConfig crm = new SmallRyeConfigBuilder().withSources(source)
                .withConverter(Duration.class, 100, new DurationConverter()).withMapping(CrmConfig.class).build()
                .getConfigMapping(CrmConfig.class);
        assertThat(crm.tenants()).containsOnlyKeys("default", "shop.nl");
        assertThat(crm.tenants().get("default").callbackUrl()).contains("https://crm.example/hooks");
        assertThat(pathRequests).as("one page per two parameters").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(path -> assertThat(path).isEqualTo("/p/crm"));
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
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean decrypt = request.path("WithDecryption").asBoolean();
            byte[] body;
            int status;
            if ("AmazonSSM.GetParametersByPath".equals(target) && decrypt) {
                // Two parameters per page, so paging is exercised.
                String path = request.path("Path").asText();
                pathRequests.add(path);
                List<String> names = parameters.keySet().stream().filter(n -> n.startsWith(path + "/")).sorted()
                        .toList();
                int from = request.path("NextToken").asInt(0);
                ObjectNode answer = json.createObjectNode();
                ArrayNode page = answer.putArray("Parameters");
                names.stream().skip(from).limit(2)
                        .forEach(n -> page.addObject().put("Name", n).put("Value", parameters.get(n)));
                if (from + 2 < names.size()) {
                    answer.put("NextToken", String.valueOf(from + 2));
                }
                body = json.writeValueAsBytes(answer);
                status = 200;
            } else {
                boolean getParameter = "AmazonSSM.GetParameter".equals(target) && decrypt;
                String value = getParameter ? parameters.get(request.path("Name").asText()) : null;
                body = (value == null
                        ? "{\"__type\":\"ParameterNotFound\"}"
                        : "{\"Parameter\":{\"Name\":\"" + request.path("Name").asText() + "\",\"Value\":\"" + value
                                + "\"}}").getBytes(StandardCharsets.UTF_8);
                status = value == null ? 400 : 200;
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ssm.start();
        return ssm.getAddress().getPort();
    }
}
