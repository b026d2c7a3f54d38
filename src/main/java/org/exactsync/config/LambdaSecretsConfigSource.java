package org.exactsync.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The app's secrets for a function running in AWS Lambda, read once at start from SSM Parameter Store
 * ({@link SsmParameters}: the SDK's client, throttling and 5xx retried), so that no secret is ever a template
 * parameter or a plain environment variable. A function reads only what its {@code CONNECTOR_SECRETS} lists
 * ({@link SecretGrant}), the same list its IAM policy grants:
 * <ul>
 * <li>{@code client-secret} into {@code exact.client-secret}: functions that build the Exact client;</li>
 * <li>{@code webhook-secret} into {@code exact.webhook-secret}: {@code exact-webhook} only.</li>
 * </ul>
 * CRM tenants are not read here: a tenant's folder ({@code crm/<tenant>/}) is read when a function first meets that
 * tenant ({@link SsmTenantDirectory}). Outside Lambda ({@code EXACT_SECRETS_PARAMETER_PATH} or {@code AWS_REGION}
 * unset) this source is empty and the usual sources apply. A missing parameter is left to the other sources; any
 * other failure (after the SDK's retries) fails the start loudly, because a connector without its client secret would
 * break every token refresh later and less visibly.
 */
public final class LambdaSecretsConfigSource implements ConfigSource {

    private final Map<String, String> values;

    public LambdaSecretsConfigSource() {
        this(System.getenv());
    }

    LambdaSecretsConfigSource(Map<String, String> environment) {
        Set<SecretGrant> grants = SecretGrant.parse(environment.get(SecretGrant.VARIABLE));
        Map<String, String> loaded = new HashMap<>();
        SsmParameters.fromEnvironment(environment).ifPresent(parameters -> {
            try (parameters) {
                read(parameters, grants, SecretGrant.CLIENT_SECRET, "exact.client-secret", loaded);
                read(parameters, grants, SecretGrant.WEBHOOK_SECRET, "exact.webhook-secret", loaded);
            }
        });
        this.values = Map.copyOf(loaded);
    }

    private static void read(SsmParameters parameters, Set<SecretGrant> grants, SecretGrant grant, String property,
            Map<String, String> into) {
        if (grants.contains(grant)) {
            parameters.parameter(grant.parameter()).ifPresent(value -> into.put(property, value));
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
