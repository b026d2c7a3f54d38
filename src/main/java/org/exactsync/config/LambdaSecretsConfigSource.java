package org.exactsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
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
 * Secrets for functions running in AWS Lambda, read once at start from SSM Parameter Store ({@code GetParameter} with
 * decryption, signed with the function role's credentials), so that no secret is ever a template parameter or a
 * plain environment variable.
 *
 * <p>Active only when {@code EXACT_SECRETS_PARAMETER_PATH} and Lambda's role credentials ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_REGION}) are set; everywhere else it is empty
 * and the usual sources apply. Reads {@code <path>client-secret} and {@code <path>webhook-secret} (SecureString) into
 * {@code exact.client-secret} and {@code exact.webhook-secret}. A missing parameter is left to the other sources; any
 * other failure fails the start loudly, because a connector without its client secret would break every token
 * refresh later and less visibly. The SSM endpoint can be overridden with {@code EXACT_SECRETS_SSM_ENDPOINT}.
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
        Map<String, String> loaded = new HashMap<>();
        for (Map.Entry<String, String> parameter : PARAMETERS.entrySet()) {
            String value = fetch(endpoint, region, credentials, path + parameter.getKey());
            if (value != null) {
                loaded.put(parameter.getValue(), value);
            }
        }
        this.values = Map.copyOf(loaded);
    }

    private static String fetch(URI endpoint, String region, AwsCredentialsIdentity credentials, String name) {
        ObjectMapper json = new ObjectMapper();
        try {
            byte[] body = json.writeValueAsBytes(Map.of("Name", name, "WithDecryption", true));
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", "AmazonSSM.GetParameter").build();
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
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
                // ParameterNotFound (and every other client error) arrives as 400 with a __type; only a missing
                // parameter is acceptable.
                String type = json.readTree(connection.getErrorStream()).path("__type").asText("");
                if (type.endsWith("ParameterNotFound")) {
                    return null;
                }
                throw new IllegalStateException("reading SSM parameter " + name + " failed: " + type);
            }
            if (status != 200) {
                throw new IllegalStateException("reading SSM parameter " + name + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return json.readTree(in).path("Parameter").path("Value").asText(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("SSM Parameter Store unreachable for " + name + ": " + e.getMessage(), e);
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
