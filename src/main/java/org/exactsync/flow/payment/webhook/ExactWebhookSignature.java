package org.exactsync.flow.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.exactsync.signing.Hmac;

/**
 * Exact's webhook {@code HashCode} (docs/exact-reference.md §6.4): upper-case hex HMAC-SHA256, keyed with the app's
 * webhook secret, over the raw bytes of the {@code Content} value exactly as received. The value is sliced out of the
 * raw body, never re-serialised (key order or whitespace would change the bytes), and compared in constant time.
 */
public final class ExactWebhookSignature {

    private static final byte[] PREFIX = "{\"Content\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = ",\"HashCode\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_LENGTH = 64;

    private ExactWebhookSignature() {
    }

    /**
     * The {@code Content} bytes when the body is {@code {"Content":…,"HashCode":"…"}} and the hash matches; empty for
     * any other shape or a wrong hash.
     */
    public static Optional<byte[]> verifiedContent(byte[] body, String secret) {
        if (body.length < PREFIX.length + SEPARATOR.length + SUFFIX.length + HEX_LENGTH
                || !startsWith(body, PREFIX) || !endsWith(body, SUFFIX)) {
            return Optional.empty();
        }
        int hashStart = body.length - SUFFIX.length - HEX_LENGTH;
        int separatorStart = hashStart - SEPARATOR.length;
        if (!Arrays.equals(body, separatorStart, hashStart, SEPARATOR, 0, SEPARATOR.length)) {
            return Optional.empty();
        }
        byte[] content = Arrays.copyOfRange(body, PREFIX.length, separatorStart);
        byte[] received = Arrays.copyOfRange(body, hashStart, hashStart + HEX_LENGTH);
        byte[] expected = hashCode(secret, content).getBytes(StandardCharsets.US_ASCII);
        return Hmac.matches(expected, received) ? Optional.of(content) : Optional.empty();
    }

    /** The {@code HashCode} Exact sends for these {@code Content} bytes. */
    public static String hashCode(String secret, byte[] content) {
        return HexFormat.of().withUpperCase().formatHex(Hmac.sha256(secret, content));
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] body, byte[] suffix) {
        return Arrays.equals(body, body.length - suffix.length, body.length, suffix, 0, suffix.length);
    }
}
