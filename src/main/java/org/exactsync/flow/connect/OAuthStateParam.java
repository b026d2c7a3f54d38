package org.exactsync.flow.connect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code state} value sent through Exact: {@code base64url(tenant) + "." + nonce}. It carries the tenant so the
 * callback can find the stored state under its tenant-scoped key; the nonce is what makes it unguessable.
 */
public record OAuthStateParam(String tenant, String nonce) {

    /** The state text for Exact's authorize URL. */
    public static String of(String tenant, String nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tenant.getBytes(StandardCharsets.UTF_8)) + "."
                + nonce;
    }

    /** Reads a state that came back; empty when it is not of our shape. */
    public static Optional<OAuthStateParam> parse(String state) {
        if (state == null || state.length() > 512) {
            return Optional.empty();
        }
        int dot = state.indexOf('.');
        if (dot <= 0 || dot == state.length() - 1 || state.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        String nonce = state.substring(dot + 1);
        if (!nonce.matches("[A-Za-z0-9_-]{20,}")) {
            return Optional.empty();
        }
        try {
            String tenant = new String(Base64.getUrlDecoder().decode(state.substring(0, dot)),
                    StandardCharsets.UTF_8);
            return tenant.isEmpty() ? Optional.empty() : Optional.of(new OAuthStateParam(tenant, nonce));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The nonce is the state's secret half: never printed. */
    @Override
    public String toString() {
        return "OAuthStateParam[tenant=" + tenant + ", nonce=<redacted>]";
    }
}
