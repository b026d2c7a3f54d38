package org.exactsync.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local run's stand-in for API Gateway ({@code connector.crm-gateway.*}). Ignored in the cloud. */
@ConfigMapping(prefix = "connector.crm-gateway")
public interface LocalGatewayConfig {

    /** Port on which the CRM-facing, connect and admin routes are served locally. Default 8090. */
    @WithDefault("8090")
    int port();
}
