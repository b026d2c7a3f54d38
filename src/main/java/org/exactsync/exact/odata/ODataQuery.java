package org.exactsync.exact.odata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system query options of one Exact GET. {@code $select} is always required by some endpoints and a
 * {@code $filter} by the mandatory-filtering ones (docs/exact-reference.md §1.5), so both are first-class here.
 */
public record ODataQuery(List<String> select, Optional<String> filter, Optional<String> orderBy,
        Optional<Integer> top, List<String> expand) {

    public ODataQuery {
        select = List.copyOf(select);
        expand = List.copyOf(expand);
    }

    /** A query selecting these properties (names are case-sensitive at Exact). */
    public static ODataQuery select(String... fields) {
        return new ODataQuery(List.of(fields), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public ODataQuery filter(String expression) {
        return new ODataQuery(select, Optional.of(expression), orderBy, top, expand);
    }

    public ODataQuery orderBy(String expression) {
        return new ODataQuery(select, filter, Optional.of(expression), top, expand);
    }

    /** Note: on normal endpoints {@code $top} cannot exceed 60 and may switch off {@code __next} paging. */
    public ODataQuery top(int n) {
        return new ODataQuery(select, filter, orderBy, Optional.of(n), expand);
    }

    public ODataQuery expand(String... navigation) {
        List<String> all = new ArrayList<>(expand);
        all.addAll(List.of(navigation));
        return new ODataQuery(select, filter, orderBy, top, all);
    }

    /** The encoded query string without leading {@code ?} (empty when there are no options). */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!select.isEmpty()) {
            parts.add("$select=" + encode(String.join(",", select)));
        }
        filter.ifPresent(f -> parts.add("$filter=" + encode(f)));
        orderBy.ifPresent(o -> parts.add("$orderby=" + encode(o)));
        top.ifPresent(t -> parts.add("$top=" + t));
        if (!expand.isEmpty()) {
            parts.add("$expand=" + encode(String.join(",", expand)));
        }
        return String.join("&", parts);
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a '+' for a space is not what an OData server decodes in a query string.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
