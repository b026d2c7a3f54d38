package org.exactsync.flow.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.store.AuditEntry;
import org.exactsync.store.AuditTrail;
import org.exactsync.store.SignedRequestLedger;

/**
 * Who may use the admin routes, and the record of what they changed. A request must carry a route-bound
 * {@code Crm-Signature} ({@link RouteSignature}) made with the tenant's admin secret (never the CRM's inbound
 * secret); a write (any method but GET) is accepted once: its signature is remembered for the timestamp window.
 * Every answered write is appended to the tenant's audit trail.
 */
@ApplicationScoped
public class AdminGuard {

    /** The prefix the signed path starts at (a stage or base path before it is not signed). */
    static final String PREFIX = "/admin/";

    private final TenantSettings tenants;
    private final SignedRequestLedger signed;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration tolerance;

    @Inject
    public AdminGuard(TenantSettings tenants, SignedRequestLedger signed, AuditTrail audit, Clock clock,
            CrmConfig config) {
        this(tenants, signed, audit, clock, config.inbound().signatureTolerance());
    }

    /** For tests and tools. */
    public AdminGuard(TenantSettings tenants, SignedRequestLedger signed, AuditTrail audit, Clock clock,
            Duration tolerance) {
        this.tenants = tenants;
        this.signed = signed;
        this.audit = audit;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * Who signed an admitted request.
     *
     * @param tenant the tenant
     * @param keyId  the credential, {@code admin-secret#<first 8 hex of SHA-256(secret)>}: tells which of two
     *               secrets signed during a rotation without revealing either
     */
    public record Admitted(String tenant, String keyId) {
    }

    /** Why a request was not admitted (answered 401, the same for an unknown tenant and a bad signature). */
    public enum Refusal {
        SIGNATURE, REPLAYED
    }

    /** Admits the request or says why not; a write's signature is used up by admitting it. */
    public Result admit(String tenant, HttpRequestEvent request) {
        Optional<String> secret = tenants.tenant(tenant).flatMap(Tenant::adminSecret);
        Instant now = clock.instant();
        CrmSignature.Verdict verdict = secret
                .map(s -> RouteSignature.verify(request.header(CrmSignature.HEADER), s, request.method(),
                        request.requestPath(), PREFIX, request.queryStringParameters(), request.rawBody(), now,
                        tolerance))
                .orElse(CrmSignature.Verdict.MISMATCH);
        if (verdict != CrmSignature.Verdict.VALID) {
            return Result.refused(Refusal.SIGNATURE, verdict.name());
        }
        if (isWrite(request)) {
            OptionalLong t = RouteSignature.timestamp(request.header(CrmSignature.HEADER));
            // The expected signature names this exact request (time, route, body), whichever v1 entries came along.
            String expected = RouteSignature.sign(secret.get(), Instant.ofEpochSecond(t.getAsLong()),
                    request.method(), request.requestPath(), PREFIX, request.queryStringParameters(),
                    request.rawBody());
            Instant forgetAfter = Instant.ofEpochSecond(t.getAsLong()).plus(tolerance).plusSeconds(1);
            if (!signed.firstUse(tenant, expected, forgetAfter, now)) {
                return Result.refused(Refusal.REPLAYED, "replayed");
            }
        }
        return new Result(Optional.of(new Admitted(tenant, keyId(secret.get()))), Optional.empty(), "");
    }

    /** Appends an answered write to the tenant's audit trail. */
    public void recordWrite(Admitted who, HttpRequestEvent request, int status, String change) {
        audit.record(new AuditEntry(who.tenant(), clock.instant(), request.method() + " " + route(request),
                who.keyId(), status, change));
    }

    /** The tenant's audit trail, newest first. */
    public java.util.List<AuditEntry> recent(String tenant, int limit) {
        return audit.recent(tenant, limit);
    }

    /** Whether the request changes something (and so is accepted once and audited). */
    public static boolean isWrite(HttpRequestEvent request) {
        return !"GET".equals(request.method()) && !"HEAD".equals(request.method());
    }

    /** What an admission found: the caller, or the refusal and the verdict's name for the log. */
    public record Result(Optional<Admitted> admitted, Optional<Refusal> refusal, String detail) {

        static Result refused(Refusal refusal, String detail) {
            return new Result(Optional.empty(), Optional.of(refusal), detail);
        }
    }

    private static String route(HttpRequestEvent request) {
        String path = request.requestPath();
        int start = path.indexOf(PREFIX);
        return start < 0 ? path : path.substring(start);
    }

    static String keyId(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "admin-secret#" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }
}
