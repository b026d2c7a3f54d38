package org.exactsync.flow.connect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.exactsync.signing.Hmac;

/**
 * The signed connect-start link: {@code tenant}, {@code t} (unix seconds) and {@code sig} = lower-case hex
 * HMAC-SHA256(tenant's inbound secret, {@code "connect.<tenant>.<t>"}). Only someone holding the tenant's secret (the
 * CRM, or an operator) can make one, so nobody can attach their own Exact company to another tenant. {@code t} is
 * digits only and last, so the signed text splits one way only.
 */
public final class ConnectLinkSignature {

    private static final int HEX_LENGTH = 64;
    /** Clocks of the signer and the connector may differ a little; a link from the future beyond this is refused. */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private ConnectLinkSignature() {
    }

    /** What a check found; only {@link #VALID} may be trusted. */
    public enum Verdict {
        VALID, MALFORMED, EXPIRED, MISMATCH
    }

    /** The {@code sig} for {@code tenant} signed at {@code t}. */
    public static String sign(String secret, String tenant, long t) {
        return HexFormat.of().formatHex(hmac(secret, tenant, t));
    }

    /** Checks a link's parameters: well formed, not older than {@code validity}, and a constant-time HMAC match. */
    public static Verdict verify(String secret, String tenant, String t, String sig, Instant now, Duration validity) {
        if (tenant == null || tenant.isEmpty() || t == null || !t.matches("[0-9]{1,12}") || sig == null
                || sig.length() != HEX_LENGTH || !sig.matches("[0-9a-f]+")) {
            return Verdict.MALFORMED;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
        if (signedAt.isBefore(now.minus(validity)) || signedAt.isAfter(now.plus(FUTURE_SKEW))) {
            return Verdict.EXPIRED;
        }
        boolean match = Hmac.matches(hmac(secret, tenant, Long.parseLong(t)), HexFormat.of().parseHex(sig));
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmac(String secret, String tenant, long t) {
        return Hmac.sha256(secret, ("connect." + tenant + "." + t).getBytes(StandardCharsets.UTF_8));
    }
}
