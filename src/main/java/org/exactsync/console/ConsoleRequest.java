package org.exactsync.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.crm.inbound.HttpRequestEvent;

/**
 * A console request read once: the tenant and page from {@code /console/<tenant>/<page>}, the cookies, and a form
 * body ({@code application/x-www-form-urlencoded}, every value of a repeated field kept in order).
 */
record ConsoleRequest(HttpRequestEvent http, String tenant, String page, Map<String, String> cookies,
        Map<String, List<String>> form) {

    private static final String PREFIX = "/console/";

    /** Empty when the path is not {@code .../console/<tenant>/<page>}. */
    static Optional<ConsoleRequest> parse(HttpRequestEvent http) {
        String path = http.requestPath();
        int start = path.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        String[] parts = path.substring(start + PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String tenant = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        Map<String, List<String>> form = "POST".equals(http.method())
                ? decode(new String(http.rawBody(), StandardCharsets.UTF_8)) : Map.of();
        return Optional.of(new ConsoleRequest(http, tenant, parts[1], cookies(http), form));
    }

    /** The asset name of {@code .../console/assets/<name>}, if the path is one. */
    static Optional<String> asset(HttpRequestEvent http) {
        String path = http.requestPath();
        int start = path.indexOf(PREFIX + "assets/");
        return start < 0 ? Optional.empty() : Optional.of(path.substring(start + PREFIX.length() + "assets/".length()));
    }

    /** The first value of a form field, or empty. */
    Optional<String> field(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a form field (checkboxes), in order. */
    List<String> fields(String name) {
        return form.getOrDefault(name, List.of());
    }

    Optional<String> query(String name) {
        return http.query(name).filter(value -> !value.isBlank());
    }

    boolean isPost() {
        return "POST".equals(http.method());
    }

    private static Map<String, String> cookies(HttpRequestEvent http) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : http.header("Cookie").orElse("").split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return cookies;
    }

    private static Map<String, List<String>> decode(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
