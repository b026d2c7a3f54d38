package org.exactsync.flow.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A parsed admin path {@code /admin/tenants/<tenant>/<segments…>}. Anything before {@code /admin/} (an API stage or
 * base path) is ignored; segments are percent-decoded because tenant and event ids may contain anything.
 *
 * @param tenant   the tenant the request is about (its secret must sign the request)
 * @param segments what follows the tenant, e.g. {@code ["events", "evt-1", "replay"]}
 */
record AdminPath(String tenant, List<String> segments) {

    private static final String PREFIX = "/admin/tenants/";

    static Optional<AdminPath> parse(String path) {
        int start = path == null ? -1 : path.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        String[] parts = path.substring(start + PREFIX.length()).split("/", -1);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        List<String> decoded = java.util.Arrays.stream(parts)
                .map(p -> URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        return Optional.of(new AdminPath(decoded.get(0), decoded.subList(1, decoded.size())));
    }

    /** Whether the segments are exactly {@code expected}, where {@code *} matches any one non-empty segment. */
    boolean matches(String... expected) {
        if (segments.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            String segment = segments.get(i);
            if (segment.isEmpty() || !(expected[i].equals("*") || expected[i].equals(segment))) {
                return false;
            }
        }
        return true;
    }
}
