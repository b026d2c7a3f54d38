package org.exactsync.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and its constant-time check, the one implementation behind every signature the connector makes or
 * checks: the CRM's {@code Crm-Signature} (plain and route-bound), the signed connect link and Exact's webhook
 * {@code HashCode}. Each scheme keeps only what it signs and how it writes the result.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    /** HMAC-SHA256 keyed with the UTF-8 bytes of {@code secret} over {@code parts}, one after the other. */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            // HmacSHA256 is mandatory in every JRE; an empty secret is refused by configuration validation.
            throw new IllegalStateException("HMAC-SHA256 unavailable", impossible);
        }
    }

    /**
     * Whether a received signature equals the expected one, in time that does not depend on where they differ, so
     * response timing reveals nothing about the expected value.
     */
    public static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }
}
