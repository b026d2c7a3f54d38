package org.exactsync.exact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One HTTP response: status, headers (looked up case-insensitively) and the body text. */
record HttpReply(int status, Map<String, List<String>> headers, String body) {

    HttpReply {
        Map<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                folded.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        });
        headers = folded;
        body = body == null ? "" : body;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }
}
