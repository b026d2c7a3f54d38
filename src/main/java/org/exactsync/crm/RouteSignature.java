package org.exactsync.crm;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code Crm-Signature} of the admin and report routes, bound to the request's route: the HMAC covers
 * {@code <t>.<METHOD>.<PATH>?<QUERY>.<raw body>} instead of {@code <t>.<raw body>}, so a signature captured on one
 * route (or with one query) is worthless on any other. Header format, timestamp window, several {@code v1} and the
 * constant-time comparison are {@link CrmSignature}'s.
 *
 * <ul>
 * <li>{@code METHOD}: upper case, e.g. {@code GET}.</li>
 * <li>{@code PATH}: the request path from the route's own prefix on ({@code /admin/…}, {@code /crm/…}) exactly as
 * sent, percent-escapes included; a stage or base path in front of it is not signed.</li>
 * <li>{@code QUERY}: the query parameters sorted by name, each {@code name=value} with name and value
 * percent-encoded in UTF-8 (RFC 3986: letters, digits and {@code -._~} as they are, a space as {@code %20}), joined
 * by {@code &}; empty when there are none (the {@code ?} stays).</li>
 * </ul>
 * Canonical string and shell examples: docs/operations.md.
 */
public final class RouteSignature {

    private RouteSignature() {
    }

    /** The header value for a request to {@code path} signed at {@code timestamp} (callers, tests, tools). */
    public static String sign(String secret, Instant timestamp, String method, String path, String prefix,
            Map<String, String> query, byte[] body) {
        return CrmSignature.sign(secret, timestamp, signed(method, path, prefix, query, body));
    }

    /** Checks a received header against the request's route and raw body (see {@link CrmSignature#verify}). */
    public static CrmSignature.Verdict verify(Optional<String> header, String secret, String method, String path,
            String prefix, Map<String, String> query, byte[] body, Instant now, Duration tolerance) {
        return CrmSignature.verify(header, secret, signed(method, path, prefix, query, body), now, tolerance);
    }

    /**
     * What the HMAC covers after {@code "<t>."}: {@code METHOD.PATH?QUERY.} followed by the body bytes. The path is
     * cut at the first {@code prefix} (e.g. {@code /admin/}); a path without it is signed whole.
     */
    public static byte[] signed(String method, String path, String prefix, Map<String, String> query, byte[] body) {
        String raw = path == null ? "" : path;
        int start = raw.indexOf(prefix);
        String route = method.toUpperCase(Locale.ROOT) + "." + (start < 0 ? raw : raw.substring(start)) + "?"
                + canonicalQuery(query) + ".";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(route.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Parameters sorted by name, {@code name=value} percent-encoded (RFC 3986), joined by {@code &}. */
    public static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query).entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue() == null ? "" : entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * The {@code t} of a header that {@link #verify} found valid; together with the expected signature it names one
     * signed request (the replay guard remembers it).
     */
    public static OptionalLong timestamp(Optional<String> header) {
        for (String part : header.orElse("").split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("t=") && trimmed.substring(2).matches("[0-9]{1,12}")) {
                return OptionalLong.of(Long.parseLong(trimmed.substring(2)));
            }
        }
        return OptionalLong.empty();
    }

    private static String encode(String value) {
        // URLEncoder is form encoding: '+' for a space and '~' escaped; RFC 3986 wants %20 and '~' as is.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
                .replace("*", "%2A");
    }
}
