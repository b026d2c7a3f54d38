package org.exactsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Secrets for functions running in AWS Lambda, read once at start from SSM Parameter Store (decrypted, signed with
 * the function role's credentials), so that no secret is ever a template parameter or a plain environment variable.
 *
 * <p>Active only when {@code EXACT_SECRETS_PARAMETER_PATH} and Lambda's role credentials ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_REGION}) are set; everywhere else it is empty
 * and the usual sources apply. Below the path it reads:
 * <ul>
 * <li>{@code client-secret} and {@code webhook-secret} (SecureString) into {@code exact.client-secret} and
 * {@code exact.webhook-secret};</li>
 * <li>every parameter under {@code crm/<tenant>/} (one paged {@code GetParametersByPath}) into
 * {@code crm.tenants."<tenant>".<name>}, e.g. {@code crm/default/inbound-secret}, {@code .../outbound-secret},
 * {@code .../callback-url}: adding a CRM tenant is adding parameters, not redeploying.</li>
 * </ul>
 * A missing parameter is left to the other sources; any other failure fails the start loudly, because a connector
 * without its client secret would break every token refresh later and less visibly. The SSM endpoint can be
 * overridden with {@code EXACT_SECRETS_SSM_ENDPOINT}.
 */
public final class LambdaSecretsConfigSource implements ConfigSource {

    /** Parameter name below the path → configuration property. */
    static final Map<String, String> PARAMETERS = Map.of(
            "client-secret", "exact.client-secret",
            "webhook-secret", "exact.webhook-secret");

    /** Sub-path holding one folder of settings per CRM tenant. */
    static final String CRM_TENANTS = "crm/";

    private final Map<String, String> values;

    public LambdaSecretsConfigSource() {
        this(System.getenv());
    }

    LambdaSecretsConfigSource(Map<String, String> environment) {
        String path = environment.get("EXACT_SECRETS_PARAMETER_PATH");
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        String region = environment.get("AWS_REGION");
        if (path == null || path.isBlank() || keyId == null || secretKey == null || region == null) {
            this.values = Map.of();
            return;
        }
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        AwsCredentialsIdentity credentials = sessionToken == null
                ? AwsCredentialsIdentity.create(keyId, secretKey)
                : AwsSessionCredentialsIdentity.create(keyId, secretKey, sessionToken);
        URI endpoint = URI.create(environment.getOrDefault("EXACT_SECRETS_SSM_ENDPOINT",
                "https://ssm." + region + ".amazonaws.com/"));
        Ssm ssm = new Ssm(endpoint, region, credentials);
        Map<String, String> loaded = new HashMap<>();
        for (Map.Entry<String, String> parameter : PARAMETERS.entrySet()) {
            String value = ssm.parameter(path + parameter.getKey());
            if (value != null) {
                loaded.put(parameter.getValue(), value);
            }
        }
        String tenantsPath = path + CRM_TENANTS;
        ssm.parametersByPath(tenantsPath.substring(0, tenantsPath.length() - 1)).forEach((name, value) -> {
            String[] parts = name.substring(tenantsPath.length()).split("/");
            // Exactly <tenant>/<setting>; anything deeper or shallower is not ours to interpret.
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                loaded.put("crm.tenants.\"" + parts[0] + "\"." + parts[1], value);
            }
        });
        this.values = Map.copyOf(loaded);
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

    /** The two Parameter Store actions we need, as signed JSON POSTs (no SSM SDK module in the function). */
    private record Ssm(URI endpoint, String region, AwsCredentialsIdentity credentials) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The decrypted value, or null when the parameter does not exist. */
        String parameter(String name) {
            JsonNode answer = call("GetParameter", Map.of("Name", name, "WithDecryption", true), name);
            return answer == null ? null : answer.path("Parameter").path("Value").asText(null);
        }

        /** Every parameter below {@code path} (recursive, decrypted), name → value, following NextToken. */
        Map<String, String> parametersByPath(String path) {
            Map<String, String> found = new LinkedHashMap<>();
            String next = null;
            do {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("Path", path);
                request.put("Recursive", true);
                request.put("WithDecryption", true);
                if (next != null) {
                    request.put("NextToken", next);
                }
                JsonNode answer = call("GetParametersByPath", request, path);
                if (answer == null) {
                    return found;
                }
                for (JsonNode parameter : answer.path("Parameters")) {
                    found.put(parameter.path("Name").asText(), parameter.path("Value").asText());
                }
                next = answer.path("NextToken").asText(null);
            } while (next != null && !next.isBlank());
            return found;
        }

        private JsonNode call(String action, Map<String, Object> request, String name) {
            try {
                byte[] body = JSON.writeValueAsBytes(request);
                SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", "AmazonSSM." + action).build();
                SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(http)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(5_000);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                signed.request().forEachHeader((header, headerValues) -> {
                    if (!header.equalsIgnoreCase("Host")) {
                        connection.setRequestProperty(header, String.join(",", headerValues));
                    }
                });
                connection.getOutputStream().write(body);
                int status = connection.getResponseCode();
                if (status == 400) {
                    // ParameterNotFound (and every other client error) arrives as 400 with a __type; only a
                    // missing parameter is acceptable.
                    String type = JSON.readTree(connection.getErrorStream()).path("__type").asText("");
                    if (type.endsWith("ParameterNotFound")) {
                        return null;
                    }
                    throw new IllegalStateException(action + " " + name + " failed: " + type);
                }
                if (status != 200) {
                    throw new IllegalStateException(action + " " + name + " answered HTTP " + status);
                }
                try (InputStream in = connection.getInputStream()) {
                    return JSON.readTree(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException("SSM Parameter Store unreachable for " + name + ": " + e.getMessage(),
                        e);
            }
        }
    }
}
