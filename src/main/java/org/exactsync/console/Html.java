package org.exactsync.console;

/** HTML escaping for text and attribute values: everything shown comes from stores, Exact or the operator. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
