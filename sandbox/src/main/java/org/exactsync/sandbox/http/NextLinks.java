package org.exactsync.sandbox.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.odata.KeyLiterals;
import org.exactsync.sandbox.odata.QueryOptions;
import org.exactsync.sandbox.odata.QueryPage;

/**
 * Builds {@code d.__next}: the absolute URL of the next page, carrying the caller's own parameters ({@code $filter},
 * {@code $select}, {@code $orderby}, …) verbatim plus a {@code $skiptoken} typed by the key kind (docs/exact-reference.md
 * §1.4). {@code $skip} is dropped (the token replaces it); {@code $top} carries what is left of the cap.
 */
final class NextLinks {

    private NextLinks() {
    }

    static String next(String entityUrl, EndpointSpec spec, QueryOptions options, QueryPage page) {
        StringBuilder url = new StringBuilder(entityUrl);
        char sep = '?';
        for (Map.Entry<String, String> p : options.raw().entrySet()) {
            String name = p.getKey();
            if (name.equals("$skiptoken") || name.equals("$skip") || name.equals("$top")) {
                continue;
            }
            url.append(sep).append(encode(name)).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        if (page.nextTop() != null) {
            url.append(sep).append("$top=").append(page.nextTop());
            sep = '&';
        }
        url.append(sep).append("$skiptoken=").append(encode(KeyLiterals.format(spec.keyKind(), page.nextAfter())));
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
