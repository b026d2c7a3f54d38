package org.exactsync.crm;

import org.exactsync.config.TenantDirectory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;

/**
 * The CRM tenants: those configured ({@code crm.tenants."<tenant>".*}, the local run and tests), then those of the
 * {@link TenantDirectory} (in AWS: the tenant's SSM folder), looked up when a tenant is first met and cached for the
 * life of the instance. An unknown tenant is remembered as unknown for a minute, so that unsigned requests naming
 * made-up tenants cannot turn into a stream of SSM calls.
 */
@ApplicationScoped
public class TenantSettings {

    /** The tenant an envelope without {@code tenant} belongs to. */
    public static final String DEFAULT_TENANT = "default";

    /** How long an unknown tenant is answered as unknown without asking the directory again. */
    static final Duration UNKNOWN_FOR = Duration.ofMinutes(1);

    /** A tenant id that can name a folder: no slash, no dot-dot, nothing a path could be built from. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}");

    private final Map<String, Tenant> configured;
    private final TenantDirectory directory;
    private final Clock clock;
    private final Map<String, Tenant> met = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();

    @Inject
    public TenantSettings(CrmConfig config, TenantDirectory directory, Clock clock) {
        this(config.tenants().entrySet().stream()
                .map(entry -> toTenant(entry.getKey(), entry.getValue()))
                .toList(), directory, clock);
    }

    /** For tests and tools: the configured tenants only. */
    public TenantSettings(CrmConfig config) {
        this(config, TenantDirectory.NONE, Clock.systemUTC());
    }

    /** For tests and tools: the given tenants. */
    public TenantSettings(List<Tenant> tenants) {
        this(tenants, TenantDirectory.NONE, Clock.systemUTC());
    }

    /** For tests: the given tenants, then the directory's. */
    public TenantSettings(List<Tenant> tenants, TenantDirectory directory, Clock clock) {
        this.configured = tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, t -> t));
        this.directory = directory;
        this.clock = clock;
    }

    /** The tenant with this id, or empty when it is neither configured nor in the directory (its events get 401). */
    public Optional<Tenant> tenant(String id) {
        Tenant known = id == null ? null : configured.getOrDefault(id, met.get(id));
        if (known != null || id == null || !isPlainId(id)) {
            return Optional.ofNullable(known);
        }
        Instant now = clock.instant();
        Instant until = unknownUntil.get(id);
        if (until != null && now.isBefore(until)) {
            return Optional.empty();
        }
        Optional<Tenant> found = directory.settings(id).map(settings -> toTenant(id, settings));
        found.ifPresentOrElse(tenant -> {
            met.put(id, tenant);
            unknownUntil.remove(id);
        }, () -> unknownUntil.put(id, now.plus(UNKNOWN_FOR)));
        return found;
    }

    /** Every configured tenant and every tenant met so far. */
    public List<Tenant> all() {
        List<Tenant> all = new ArrayList<>(configured.values());
        met.values().stream().filter(t -> !configured.containsKey(t.id())).forEach(all::add);
        return List.copyOf(all);
    }

    /** Whether {@code id} may be looked up in the directory (a plain name of at most 64 characters). */
    public static boolean isPlainId(String id) {
        return PLAIN_ID.matcher(id).matches() && !id.contains("..");
    }

    private static Tenant toTenant(String id, CrmConfig.TenantConfig config) {
        return tenant(id, "crm.tenants." + id + ".", config.inboundSecret(), config.outboundSecret(),
                config.callbackUrl(), config.conflictPolicy(), config.divisions().orElse(List.of()),
                config.adminSecret());
    }

    private static Tenant toTenant(String id, Map<String, String> settings) {
        String where = "tenant " + id + "'s parameter ";
        return tenant(id, where, required(settings, "inbound-secret", where), required(settings, "outbound-secret",
                where), Optional.ofNullable(settings.get("callback-url")),
                settings.getOrDefault("conflict-policy", "report"), divisions(settings.get("divisions"), where),
                Optional.ofNullable(settings.get("admin-secret")).filter(secret -> !secret.isBlank()));
    }

    private static Tenant tenant(String id, String where, String inboundSecret, String outboundSecret,
            Optional<String> callback, String conflictPolicy, List<Integer> divisions, Optional<String> adminSecret) {
        Optional<URI> callbackUrl = callback.filter(url -> !url.isBlank()).map(URI::create);
        callbackUrl.ifPresent(url -> {
            if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException(where + "callback-url must be an http(s) URL");
            }
        });
        return new Tenant(id, inboundSecret, outboundSecret, callbackUrl, ConflictPolicy.parse(conflictPolicy),
                divisions, adminSecret);
    }

    private static String required(Map<String, String> settings, String name, String where) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(where + name + " is missing");
        }
        return value;
    }

    private static List<Integer> divisions(String list, String where) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "divisions must be a comma-separated list of division numbers");
        }
    }
}
