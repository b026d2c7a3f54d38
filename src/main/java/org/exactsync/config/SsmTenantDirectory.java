package org.exactsync.config;

import java.util.Map;
import java.util.Optional;
import org.exactsync.config.TenantDirectory;

/**
 * CRM tenants from SSM Parameter Store: one {@code GetParametersByPath} of {@code <path>crm/<tenant>} (that folder
 * only, so a function never reads another tenant's secrets) when a function first meets the tenant. The SDK client is
 * built on the first look-up and kept for the life of the instance; {@code TenantSettings} caches the answers.
 */
final class SsmTenantDirectory implements TenantDirectory, AutoCloseable {

    private final Map<String, String> environment;
    private SsmParameters parameters;

    SsmTenantDirectory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<Map<String, String>> settings(String tenantId) {
        Map<String, String> found = parameters().folder(SecretGrant.CRM_TENANTS.parameter() + "/" + tenantId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private synchronized SsmParameters parameters() {
        if (parameters == null) {
            parameters = SsmParameters.fromEnvironment(environment).orElseThrow(() -> new IllegalStateException(
                    "CONNECTOR_SECRETS lists crm but " + SsmParameters.PATH_VARIABLE + " or AWS_REGION is unset"));
        }
        return parameters;
    }

    @Override
    public synchronized void close() {
        if (parameters != null) {
            parameters.close();
            parameters = null;
        }
    }
}
