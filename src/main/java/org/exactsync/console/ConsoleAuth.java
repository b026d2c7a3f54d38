package org.exactsync.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.signing.Hmac;
import org.exactsync.store.ConsoleSession;
import org.exactsync.store.ConsoleSessionStore;
import org.exactsync.store.SignedRequestLedger;

/**
 * Who may use the console: a sign-in link signed with the tenant's admin secret, followed once within its validity,
 * opens a session (an HttpOnly, Secure, SameSite=Strict cookie whose SHA-256 names the stored session); every write
 * carries the session's CSRF token. A used link's signature is remembered in the signed-request ledger (one
 * conditional put), so a second click is refused.
 */
@ApplicationScoped
public class ConsoleAuth {

    /** The session cookie's name. */
    static final String COOKIE = "console_session";
    private static final int TOKEN_BYTES = 32;

    private final TenantSettings tenants;
    private final SignedRequestLedger usedLinks;
    private final ConsoleSessionStore sessions;
    private final Clock clock;
    private final Duration linkValidity;
    private final Duration sessionValidity;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ConsoleAuth(TenantSettings tenants, SignedRequestLedger usedLinks, ConsoleSessionStore sessions,
            Clock clock, ConsoleConfig config) {
        this(tenants, usedLinks, sessions, clock, config.linkValidity(), config.sessionValidity());
    }

    /** For tests and tools. */
    public ConsoleAuth(TenantSettings tenants, SignedRequestLedger usedLinks, ConsoleSessionStore sessions,
            Clock clock, Duration linkValidity, Duration sessionValidity) {
        this.tenants = tenants;
        this.usedLinks = usedLinks;
        this.sessions = sessions;
        this.clock = clock;
        this.linkValidity = linkValidity;
        this.sessionValidity = sessionValidity;
    }

    /** Why a sign-in link was refused. */
    enum Refusal {
        INVALID, EXPIRED, USED
    }

    /** A sign-in's outcome: the new session with its cookie value, or the refusal. */
    record SignIn(Optional<ConsoleSession> session, String cookieValue, Optional<Refusal> refusal) {

        @Override
        public String toString() {
            // The cookie value opens the session: never in a log line.
            return "SignIn[session=" + session + ", refusal=" + refusal + "]";
        }
    }

    /** Checks the link's {@code t}, {@code n} and {@code sig} and, when valid and unused, opens a session. */
    SignIn signIn(String tenant, String t, String nonce, String sig) {
        Instant now = clock.instant();
        Optional<String> secret = tenants.tenant(tenant).flatMap(Tenant::adminSecret);
        ConsoleLinkSignature.Verdict verdict = secret
                .map(s -> ConsoleLinkSignature.verify(s, tenant, nonce, t, sig, now, linkValidity))
                .orElse(ConsoleLinkSignature.Verdict.MISMATCH);
        if (verdict == ConsoleLinkSignature.Verdict.EXPIRED) {
            return refused(Refusal.EXPIRED);
        }
        if (verdict != ConsoleLinkSignature.Verdict.VALID) {
            return refused(Refusal.INVALID);
        }
        Instant forgetAfter = Instant.ofEpochSecond(Long.parseLong(t)).plus(linkValidity).plusSeconds(1);
        if (!usedLinks.firstUse(tenant, "console-link." + sig, forgetAfter, now)) {
            return refused(Refusal.USED);
        }
        String cookieValue = token();
        ConsoleSession session = new ConsoleSession(tenant, digest(cookieValue), token(), now,
                now.plus(sessionValidity));
        sessions.create(session);
        return new SignIn(Optional.of(session), cookieValue, Optional.empty());
    }

    /** The live session the request's cookie names for this tenant, if any. */
    Optional<ConsoleSession> session(ConsoleRequest request) {
        String value = request.cookies().get(COOKIE);
        if (value == null || value.isEmpty() || value.length() > 100) {
            return Optional.empty();
        }
        return sessions.find(request.tenant(), digest(value), clock.instant());
    }

    /** Whether the form carries the session's CSRF token (constant-time comparison). */
    static boolean csrfMatches(ConsoleSession session, ConsoleRequest request) {
        String sent = request.field("csrf").orElse("");
        return Hmac.matches(session.csrf().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the session. */
    void signOut(ConsoleSession session) {
        sessions.delete(session.tenant(), session.digest());
    }

    /** The {@code Set-Cookie} value that stores the session (no Path: the browser scopes it to the tenant's pages). */
    String sessionCookie(String value) {
        return COOKIE + "=" + value + "; Max-Age=" + sessionValidity.toSeconds()
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    static String clearedCookie() {
        return COOKIE + "=; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }

    private static SignIn refused(Refusal refusal) {
        return new SignIn(Optional.empty(), "", Optional.of(refusal));
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }
}
