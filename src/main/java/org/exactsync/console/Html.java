package org.exactsync.console;

import org.exactsync.flow.connect.ConnectedPage;

/** HTML escaping for text and attribute values: everything shown comes from stores, Exact or the operator. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        return value == null ? "" : ConnectedPage.escape(value.toString());
    }

    /** A query-string value. */
    static String q(Object value) {
        return java.net.URLEncoder.encode(value == null ? "" : value.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A notice box: {@code kind} is {@code ok}, {@code error} or {@code info}; errors are announced at once. */
    static String notice(String kind, String text) {
        String role = "error".equals(kind) ? " role=\"alert\"" : " role=\"status\"";
        return "<div class=\"notice " + kind + "\"" + role + "><p>" + esc(text) + "</p></div>";
    }

    /** The hidden CSRF field every console form carries. */
    static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
    }
}
