package org.exactsync.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The connector's folder in SSM Parameter Store ({@code EXACT_SECRETS_PARAMETER_PATH}, e.g. {@code /exact-connector/})
 * read through the AWS SDK's {@link SsmClient}: URL-connection HTTP client, standard retry mode with 5 attempts, so a
 * {@code ThrottlingException} (a burst of cold starts is when SSM throttles) or a 5xx is retried with jittered
 * back-off instead of failing the start. Values are always decrypted and never logged.
 *
 * <p>Credentials: the role's keys when the environment holds them ({@code AWS_ACCESS_KEY_ID}, …), otherwise the SDK's
 * default chain (a SnapStart function gets its credentials from the container endpoint, not from variables).
 * {@code EXACT_SECRETS_SSM_ENDPOINT} overrides the endpoint (tests).
 */
public final class SsmParameters implements AutoCloseable {

    /** The environment variable holding the folder, with a trailing slash. */
    public static final String PATH_VARIABLE = "EXACT_SECRETS_PARAMETER_PATH";

    private static final int ATTEMPTS = 5;

    private final String path;
    private final SsmClient ssm;

    private SsmParameters(String path, SsmClient ssm) {
        this.path = path;
        this.ssm = ssm;
    }

    /** The folder named by the environment, or empty outside AWS (no path or no region). */
    public static Optional<SsmParameters> fromEnvironment(Map<String, String> environment) {
        String path = environment.get(PATH_VARIABLE);
        String region = environment.get("AWS_REGION");
        if (path == null || path.isBlank() || region == null || region.isBlank()) {
            return Optional.empty();
        }
        var builder = SsmClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials(environment))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(ATTEMPTS).build()));
        String endpoint = environment.get("EXACT_SECRETS_SSM_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return Optional.of(new SsmParameters(path.endsWith("/") ? path : path + "/", builder.build()));
    }

    /** The decrypted value of {@code <path><name>}, or empty when it does not exist. */
    public Optional<String> parameter(String name) {
        String full = path + name;
        try {
            return Optional.of(ssm.getParameter(r -> r.name(full).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("GetParameter " + full, e);
        }
    }

    /**
     * Every parameter directly in {@code <path><folder>/} (not deeper), decrypted, by its last name segment; empty
     * when there is none. Follows every page.
     */
    public Map<String, String> folder(String folder) {
        String full = path + folder;
        Map<String, String> found = new LinkedHashMap<>();
        try {
            GetParametersByPathRequest request = GetParametersByPathRequest.builder().path(full).recursive(false)
                    .withDecryption(true).build();
            ssm.getParametersByPathPaginator(request).forEach(page -> {
                for (Parameter parameter : page.parameters()) {
                    found.put(parameter.name().substring(parameter.name().lastIndexOf('/') + 1), parameter.value());
                }
            });
            return found;
        } catch (SdkException e) {
            throw failure("GetParametersByPath " + full, e);
        }
    }

    @Override
    public void close() {
        ssm.close();
    }

    private static IllegalStateException failure(String what, SdkException e) {
        // The SDK's message names the error and the request id, never a parameter's value.
        return new IllegalStateException("SSM Parameter Store: " + what + " failed after " + ATTEMPTS
                + " attempts: " + e.getMessage(), e);
    }

    private static AwsCredentialsProvider credentials(Map<String, String> environment) {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secretKey == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String sessionToken = environment.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(keyId, secretKey)
                : AwsSessionCredentials.create(keyId, secretKey, sessionToken));
    }
}
