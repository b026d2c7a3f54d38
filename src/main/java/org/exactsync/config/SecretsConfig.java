package org.exactsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the deployment keeps its secrets ({@code exact.secrets.*}). */
@ConfigMapping(prefix = "exact.secrets")
public interface SecretsConfig {

    /**
     * The connector's folder in SSM Parameter Store ({@code EXACT_SECRETS_PARAMETER_PATH}, set by template.yaml),
     * holding {@code client-secret}, {@code webhook-secret} and {@code crm/<tenant>/…}; named in answers that tell an
     * operator which parameters to delete. {@link SsmParameters} reads the variable itself, before configuration
     * exists. Default {@code <path>}: a placeholder outside AWS.
     */
    @WithDefault("<path>")
    String parameterPath();
}
