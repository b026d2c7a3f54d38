package org.exactsync.crm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.exactsync.signing.Hmac;

/**
 * The contract's {@code Crm-Signature} scheme, used both ways: {@code t=<unix seconds>,v1=<lower-case hex
 * HMAC-SHA256(secret, "<t>." + raw body bytes)>}. Several {@code v1} entries are allowed so a CRM can sign with an old
 * and a new secret while rotating.
 */
public final class CrmSignature {

    /** The header's name. */
    public static final String HEADER = "Crm-Signature";

    private static final int HEX_LENGTH = 64;

    private CrmSignature() {
    }

    /** What a check found; only {@link #VALID} may be trusted. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH
    }

    /** The header value for {@code body} signed at {@code timestamp}. */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    /**
     * Checks a received header against the raw body. The timestamp window comes first so a replayed old delivery is
     * refused whatever its signature; the comparison is constant-time so response timing reveals nothing about the
     * expected value.
     */
    public static Verdict verify(Optional<String> header, String secret, byte[] body, Instant now, Duration tolerance) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Verdict.MISSING;
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.get().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (t != null || !value.matches("[0-9]{1,12}")) {
                    return Verdict.MALFORMED;
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (value.length() != HEX_LENGTH || !value.matches("[0-9a-f]+")) {
                    return Verdict.MALFORMED;
                }
                signatures.add(HexFormat.of().parseHex(value));
            }
            // Other schemes (v0, a future v2) are ignored, as the header format allows.
        }
        if (t == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE;
        }
        byte[] expected = hmac(secret, t, body);
        boolean match = false;
        for (byte[] candidate : signatures) {
            // No early exit: every candidate is compared, each in constant time.
            match |= Hmac.matches(expected, candidate);
        }
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        return Hmac.sha256(secret, (t + ".").getBytes(StandardCharsets.US_ASCII), body);
    }
}
