package org.exactsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets for functions running in AWS Lambda, read once at start from SSM Parameter Store through the AWS Parameters
 * and Secrets Lambda Extension (a layer serving {@code localhost:2773}), so that no secret is ever a template
 * parameter or a plain environment variable.
 *
 * <p>Active only when {@code EXACT_SECRETS_PARAMETER_PATH} and {@code AWS_SESSION_TOKEN} are set (inside Lambda);
 * everywhere else it is empty and the usual sources apply. Reads {@code <path>client-secret} and
 * {@code <path>webhook-secret} (SecureString) into {@code exact.client-secret} and {@code exact.webhook-secret}. A
 * missing parameter is left to the other sources; an unreachable extension fails the start loudly, because a
 * connector without its client secret would break every token refresh later and less visibly.
 */
public final class LambdaSecretsConfigSource implements ConfigSource {

    /** Parameter name below the path → configuration property. */
    static final Map<String, String> PARAMETERS = Map.of(
            "client-secret", "exact.client-secret",
            "webhook-secret", "exact.webhook-secret");

    private final Map<String, String> values;

    public LambdaSecretsConfigSource() {
        this(System.getenv());
    }

    LambdaSecretsConfigSource(Map<String, String> environment) {
        String path = environment.get("EXACT_SECRETS_PARAMETER_PATH");
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        if (path == null || path.isBlank() || sessionToken == null) {
            this.values = Map.of();
            return;
        }
        String port = environment.getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773");
        Map<String, String> loaded = new HashMap<>();
        for (Map.Entry<String, String> parameter : PARAMETERS.entrySet()) {
            String value = fetch(port, sessionToken, path + parameter.getKey());
            if (value != null) {
                loaded.put(parameter.getValue(), value);
            }
        }
        this.values = Map.copyOf(loaded);
    }

    private static String fetch(String port, String sessionToken, String name) {
        URI uri = URI.create("http://localhost:" + port + "/systemsmanager/parameters/get?withDecryption=true&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", sessionToken);
            int status = connection.getResponseCode();
            if (status == 400 || status == 404) {
                return null;
            }
            if (status != 200) {
                throw new IllegalStateException("reading SSM parameter " + name + " answered HTTP " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                JsonNode json = new ObjectMapper().readTree(body);
                return json.path("Parameter").path("Value").asText(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the Parameters and Secrets extension is not reachable for " + name
                    + " (is its layer attached?): " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "lambda-ssm-secrets";
    }

    /** Above application.properties (250), below system properties (400) and environment variables (300). */
    @Override
    public int getOrdinal() {
        return 275;
    }
}
