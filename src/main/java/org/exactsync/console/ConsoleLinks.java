package org.exactsync.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.flow.connect.ConnectConfig;

/**
 * Makes fresh console sign-in links, signed with the tenant's admin secret ({@link ConsoleLinkSignature}): for the
 * local run's start-up line and for an operator's own tool. A tenant without an admin secret gets none.
 */
@ApplicationScoped
public class ConsoleLinks {

    /** The path of a tenant's sign-in route below the base URL. */
    static String signInPath(String tenant) {
        return "/console/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/sign-in";
    }

    private final TenantSettings tenants;
    private final Clock clock;
    private final Optional<String> publicUrl;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ConsoleLinks(TenantSettings tenants, Clock clock, ConsoleConfig console, ConnectConfig connect) {
        this(tenants, clock, console.publicUrl().or(connect::publicUrl));
    }

    /** For tests and tools. */
    public ConsoleLinks(TenantSettings tenants, Clock clock, Optional<String> publicUrl) {
        this.tenants = tenants;
        this.clock = clock;
        this.publicUrl = publicUrl.map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** A link valid from now, under the configured public URL; empty without one or without an admin secret. */
    public Optional<String> signInUrl(String tenant) {
        return publicUrl.flatMap(base -> signInUrl(tenant, base));
    }

    /** A link valid from now under {@code base} (e.g. {@code http://127.0.0.1:8090}). */
    public Optional<String> signInUrl(String tenant, String base) {
        return tenants.tenant(tenant).flatMap(Tenant::adminSecret).map(secret -> {
            long t = clock.instant().getEpochSecond();
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String nonce = HexFormat.of().formatHex(bytes);
            return base + signInPath(tenant) + "?t=" + t + "&n=" + nonce + "&sig="
                    + ConsoleLinkSignature.sign(secret, tenant, nonce, t);
        });
    }
}
