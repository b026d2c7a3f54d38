package org.exactsync.crm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;

/** The configured CRM tenants ({@code crm.tenants."<tenant>".*}), read once at start-up. */
@ApplicationScoped
public class TenantSettings {

    /** The tenant an envelope without {@code tenant} belongs to. */
    public static final String DEFAULT_TENANT = "default";

    private final Map<String, Tenant> tenants;

    @Inject
    public TenantSettings(CrmConfig config) {
        this(config.tenants().entrySet().stream()
                .map(entry -> toTenant(entry.getKey(), entry.getValue()))
                .toList());
    }

    /** For tests and tools: the given tenants. */
    public TenantSettings(List<Tenant> tenants) {
        this.tenants = tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, t -> t));
    }

    /** The tenant with this id, or empty when it is not configured (inbound events for it are refused). */
    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(tenants.get(id));
    }

    /** Every configured tenant. */
    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    private static Tenant toTenant(String id, CrmConfig.TenantConfig config) {
        Optional<URI> callbackUrl = config.callbackUrl().filter(url -> !url.isBlank()).map(URI::create);
        callbackUrl.ifPresent(url -> {
            if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("crm.tenants." + id + ".callback-url must be an http(s) URL");
            }
        });
        return new Tenant(id, config.inboundSecret(), config.outboundSecret(), callbackUrl,
                ConflictPolicy.parse(config.conflictPolicy()), config.divisions().orElse(List.of()),
                config.adminSecret());
    }
}
