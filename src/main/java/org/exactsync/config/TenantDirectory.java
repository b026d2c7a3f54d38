package org.exactsync.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where a tenant that the configuration does not list comes from: in AWS its own folder of SSM parameters, read when a
 * function first meets the tenant and never for any other tenant. Elsewhere there is none.
 */
public interface TenantDirectory {

    /** No tenants beyond the configured ones (local run, tests, functions that never meet a tenant). */
    TenantDirectory NONE = tenantId -> Optional.empty();

    /**
     * The tenant's settings by name ({@code inbound-secret}, {@code outbound-secret}, {@code callback-url},
     * {@code conflict-policy}, {@code divisions}), or empty when the tenant has none. Only called with an id that is
     * a plain name ({@code TenantSettings.isPlainId}).
     */
    Optional<Map<String, String>> settings(String tenantId);
}
