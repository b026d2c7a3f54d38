package org.exactsync.flow.connect;

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
    private final String publicUrl;

    @Inject
    public ConnectLinks(TenantSettings tenants, Clock clock, ConnectConfig config) {
        this(tenants, clock, config.publicUrl());
    }

    /** For tests and tools. */
    public ConnectLinks(TenantSettings tenants, Clock clock, String publicUrl) {
        this.tenants = tenants;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A link valid from now for the configured link validity; empty when the tenant is not configured. */
    public Optional<String> startUrl(String tenant) {
        return tenants.tenant(tenant).map(settings -> {
            long t = clock.instant().getEpochSecond();
            return publicUrl + START_PATH + "?tenant=" + enc(tenant) + "&t=" + t + "&sig="
                    + ConnectLinkSignature.sign(settings.inboundSecret(), tenant, t);
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
