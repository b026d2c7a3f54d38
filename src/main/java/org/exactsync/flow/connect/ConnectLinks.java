package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.TenantSettings;

/** Makes fresh signed connect-start links ({@link ConnectLinkSignature}) for tenants whose secret is configured. */
@ApplicationScoped
public class ConnectLinks {

    /** Path of the connect-start route (API Gateway and the local gateway). */
    public static final String START_PATH = "/exact/connect";

    private final TenantSettings tenants;
    private final Clock clock;
    /** Empty: links are built from the request that asks for one. */
    private final Optional<String> publicUrl;

    @Inject
    public ConnectLinks(TenantSettings tenants, Clock clock, ConnectConfig config) {
        this(tenants, clock, config.publicUrl());
    }

    /** For tests and tools. */
    public ConnectLinks(TenantSettings tenants, Clock clock, String publicUrl) {
        this(tenants, clock, Optional.of(publicUrl));
    }

    /** For tests and tools; empty {@code publicUrl}: from the request only. */
    public ConnectLinks(TenantSettings tenants, Clock clock, Optional<String> publicUrl) {
        this.tenants = tenants;
        this.clock = clock;
        this.publicUrl = publicUrl.map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * A link valid from now for the configured link validity, under the configured public URL; empty when the tenant
     * is not configured or no public URL is.
     */
    public Optional<String> startUrl(String tenant) {
        return publicUrl.flatMap(base -> link(tenant, base));
    }

    /** Like {@link #startUrl(String)}; without a configured public URL, under the URL {@code request} came in on. */
    public Optional<String> startUrl(String tenant, HttpRequestEvent request) {
        return publicUrl.or(() -> RequestBaseUrl.of(request)).flatMap(base -> link(tenant, base));
    }

    private Optional<String> link(String tenant, String base) {
        return tenants.tenant(tenant).map(settings -> {
            long t = clock.instant().getEpochSecond();
            return base + START_PATH + "?tenant=" + enc(tenant) + "&t=" + t + "&sig="
                    + ConnectLinkSignature.sign(settings.inboundSecret(), tenant, t);
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
