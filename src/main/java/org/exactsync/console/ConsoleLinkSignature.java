package org.exactsync.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.exactsync.signing.Hmac;

/**
 * The signed console sign-in link: {@code t} (unix seconds), {@code n} (a random nonce, so two links never share a
 * signature) and {@code sig} = lower-case hex HMAC-SHA256(tenant's admin secret, {@code "console.<tenant>.<n>.<t>"}).
 * Only whoever holds the tenant's admin secret can make one; the console records each used signature, so a link
 * opens one session only.
 */
final class ConsoleLinkSignature {

    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private ConsoleLinkSignature() {
    }

    /** What a check found; only {@link #VALID} may be trusted. */
    enum Verdict {
        VALID, MALFORMED, EXPIRED, MISMATCH
    }

    static String sign(String secret, String tenant, String nonce, long t) {
        return HexFormat.of().formatHex(hmac(secret, tenant, nonce, t));
    }

    static Verdict verify(String secret, String tenant, String nonce, String t, String sig, Instant now,
            Duration validity) {
        if (tenant == null || tenant.isEmpty() || nonce == null || !nonce.matches("[0-9a-f]{32}") || t == null
                || !t.matches("[0-9]{1,12}") || sig == null || !sig.matches("[0-9a-f]{64}")) {
            return Verdict.MALFORMED;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
        if (signedAt.isBefore(now.minus(validity)) || signedAt.isAfter(now.plus(FUTURE_SKEW))) {
            return Verdict.EXPIRED;
        }
        boolean match = Hmac.matches(hmac(secret, tenant, nonce, Long.parseLong(t)), HexFormat.of().parseHex(sig));
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmac(String secret, String tenant, String nonce, long t) {
        return Hmac.sha256(secret, ("console." + tenant + "." + nonce + "." + t).getBytes(StandardCharsets.UTF_8));
    }
}
