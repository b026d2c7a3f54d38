package org.exactsync.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.exactsync.config.TenantDirectory;

/**
 * CDI wiring of the {@link TenantDirectory}: SSM Parameter Store for a function whose {@code CONNECTOR_SECRETS} lists
 * {@code crm} and that runs in AWS ({@code EXACT_SECRETS_PARAMETER_PATH} set); no directory anywhere else.
 */
@Singleton
public class TenantDirectoryProducer {

    @Produces
    @Singleton
    TenantDirectory tenantDirectory() {
        return directory(System.getenv());
    }

    static TenantDirectory directory(Map<String, String> environment) {
        boolean granted = SecretGrant.parse(environment.get(SecretGrant.VARIABLE)).contains(SecretGrant.CRM_TENANTS);
        String path = environment.get(SsmParameters.PATH_VARIABLE);
        return granted && path != null && !path.isBlank() ? new SsmTenantDirectory(environment) : TenantDirectory.NONE;
    }

    void close(@Disposes TenantDirectory directory) throws Exception {
        if (directory instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
