package org.exactsync.sandbox.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exactsync.sandbox.ExactFault;

/**
 * The OData system query options of one request, decoded. {@code raw} keeps every parameter in arrival order so a
 * {@code __next} link can carry the original {@code $filter}/{@code $select} verbatim.
 */
public record QueryOptions(
        String filter,
        List<String> select,
        Integer top,
        Integer skip,
        String skipToken,
        String orderBy,
        boolean inlineCountAllPages,
        Map<String, String> raw) {

    /** Parses a raw (still URL-encoded) query string; null or empty gives no options. */
    public static QueryOptions parse(String rawQuery) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                raw.put(name, value);
            }
        }
        String selectText = raw.get("$select");
        List<String> select = selectText == null || selectText.isBlank()
                ? null
                : List.of(selectText.split(",")).stream().map(String::trim).toList();
        return new QueryOptions(
                raw.get("$filter"),
                select,
                integer(raw, "$top"),
                integer(raw, "$skip"),
                raw.get("$skiptoken"),
                raw.get("$orderby"),
                "allpages".equals(raw.get("$inlinecount")),
                Collections.unmodifiableMap(raw));
    }

    /** The navigation properties named in {@code $expand}; the others are rendered as {@code __deferred} (§1.4). */
    public java.util.Set<String> expand() {
        String text = raw.get("$expand");
        if (text == null || text.isBlank()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(List.of(text.split(",")).stream().map(String::trim).toList());
    }

    private static Integer integer(Map<String, String> raw, String name) {
        String value = raw.get(name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ExactFault.badRequest("Invalid " + name + " value: " + value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
