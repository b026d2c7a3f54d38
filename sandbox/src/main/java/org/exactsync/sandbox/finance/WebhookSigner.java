package org.exactsync.sandbox.finance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exact's webhook {@code HashCode}: upper-case hex HMAC-SHA256 of the raw {@code Content} JSON bytes, keyed with the
 * app's webhook secret (§6.4; lower-case hex or base64 fail at Exact's receivers).
 */
public final class WebhookSigner {

    private final byte[] secret;

    public WebhookSigner(String webhookSecret) {
        this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    public String hashCode(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
