package org.exactsync.sandbox.odata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.SandboxVariants;

/**
 * Applies Exact's query rules and OData options to an endpoint's rows: mandatory {@code $select} and
 * {@code $filter}, unsupported filter fields, {@code $filter}, {@code $orderby}, {@code $skiptoken}, {@code $skip},
 * {@code $top}, {@code $inlinecount} and the page size (docs/exact-reference.md §1.3–1.5). {@code $expand} decides
 * at rendering whether an embedded collection comes inline or as {@code __deferred}.
 */
public final class QueryEngine {

    /** Exact's text for a GET without {@code $select} on endpoints that demand one (§1.5). */
    public static final String SELECT_REQUIRED = "Please add a $select or a $top=1 statement to the query string.";

    private final Supplier<SandboxVariants.TopShape> topShape;

    /**
     * @param topShape the current answer shape of a request with {@code $top}, UNCONFIRMED in docs/exact-reference.md §1.8; read on
     *                 every request so a test can switch it on a running sandbox
     */
    public QueryEngine(Supplier<SandboxVariants.TopShape> topShape) {
        this.topShape = topShape;
    }

    /**
     * Runs a collection GET.
     *
     * @param rows       all rows of the endpoint in key order
     * @param properties the entity's property names; empty means "derive them from the rows"
     */
    public QueryPage run(EndpointSpec spec, Set<String> properties, List<Map<String, Object>> rows,
            QueryOptions options) {
        Set<String> known = properties.isEmpty() ? derive(rows) : properties;
        checkSelect(spec, known, options);
        if (spec.selectRequired() && options.select() == null
                && (options.top() == null || options.top() != 1)) {
            throw ExactFault.badRequest(SELECT_REQUIRED);
        }
        List<Map<String, Object>> matching = matching(spec, known, rows, options);
        boolean ordered = options.orderBy() != null && !options.orderBy().isBlank();
        if (ordered) {
            matching.sort(OrderBy.parse(options.orderBy(), spec, known));
        }
        Integer count = options.inlineCountAllPages() ? matching.size() : null;
        List<Map<String, Object>> remaining = afterSkipToken(spec, matching, options.skipToken(), ordered);
        if (options.skip() != null) {
            remaining = remaining.subList(Math.min(options.skip(), remaining.size()), remaining.size());
        }
        int pageSize = spec.pageSize();
        // Sync feeds ignore $top (docs/exact-reference.md §1.8): they always answer a full page with __next.
        Integer top = isSync(spec) ? null : options.top();
        if (top != null) {
            boolean bare = count == null
                    && (topShape.get() == SandboxVariants.TopShape.BARE_CAPPED || top <= pageSize);
            int limit = Math.min(top, pageSize);
            List<Map<String, Object>> page = List.copyOf(remaining.subList(0, Math.min(limit, remaining.size())));
            if (bare) {
                return new QueryPage(page, options.select(), null, null, count, true);
            }
            boolean more = remaining.size() > page.size() && top > page.size() && !page.isEmpty();
            Object after = more ? page.get(page.size() - 1).get(spec.keyField()) : null;
            return new QueryPage(page, options.select(), after, more ? top - page.size() : null, count, false);
        }
        List<Map<String, Object>> page = List.copyOf(remaining.subList(0, Math.min(pageSize, remaining.size())));
        Object after = remaining.size() > pageSize ? page.get(page.size() - 1).get(spec.keyField()) : null;
        return new QueryPage(page, options.select(), after, null, count, false);
    }

    /**
     * {@code …/Entity/$count}: the number of rows the {@code $filter} matches, under the endpoint's filter rules
     * (mandatory filtering included); {@code $select} plays no part.
     */
    public int count(EndpointSpec spec, Set<String> properties, List<Map<String, Object>> rows,
            QueryOptions options) {
        return matching(spec, properties.isEmpty() ? derive(rows) : properties, rows, options).size();
    }

    private List<Map<String, Object>> matching(EndpointSpec spec, Set<String> known, List<Map<String, Object>> rows,
            QueryOptions options) {
        FilterNode filter = options.filter() == null || options.filter().isBlank()
                ? null
                : FilterParser.parse(options.filter());
        checkFilterRules(spec, known, filter);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (filter == null || FilterValues.isTrue(filter.evaluate(row))) {
                matching.add(row);
            }
        }
        return matching;
    }

    /** Validates a {@code $select} for a single-entity GET too. */
    public void checkSelect(EndpointSpec spec, Set<String> known, QueryOptions options) {
        if (options.select() == null) {
            return;
        }
        for (String name : options.select()) {
            if (name.equals("*")) {
                continue;
            }
            if (!known.isEmpty() && !known.contains(name)) {
                throw ExactFault.badRequest("No property '" + name + "' exists in type '" + spec.metadataType()
                        + "'.");
            }
        }
    }

    private void checkFilterRules(EndpointSpec spec, Set<String> known, FilterNode filter) {
        Set<String> used = new LinkedHashSet<>();
        if (filter != null) {
            filter.collectProperties(used);
        }
        for (String name : used) {
            if (!known.isEmpty() && !known.contains(name)) {
                throw ExactFault.badRequest("No property '" + name + "' exists in type '" + spec.metadataType()
                        + "'.");
            }
        }
        if (spec.timestampFilterOnly()) {
            Set<String> others = new TreeSet<>(used);
            others.remove("Timestamp");
            if (!others.isEmpty()) {
                throw ExactFault.badRequest("Filtering on these fields is not supported: "
                        + String.join(", ", others));
            }
        }
        Set<String> unsupported = new TreeSet<>(used);
        unsupported.retainAll(spec.unsupportedFilterFields());
        if (!unsupported.isEmpty()) {
            throw ExactFault.badRequest("Filtering on these fields is not supported: "
                    + String.join(", ", unsupported));
        }
        if (!spec.mandatoryFilterFields().isEmpty()
                && used.stream().noneMatch(spec.mandatoryFilterFields()::contains)) {
            throw ExactFault.badRequest("This endpoint has mandatory filtering applied. A GET request for this endpoint"
                    + " must have a $filter parameter with one of the following fields in the url: "
                    + String.join(", ", new TreeSet<>(spec.mandatoryFilterFields())));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Map<String, Object>> afterSkipToken(EndpointSpec spec, List<Map<String, Object>> rows,
            String skipToken, boolean ordered) {
        if (skipToken == null || skipToken.isBlank()) {
            return rows;
        }
        Comparable after = (Comparable) KeyLiterals.parse(spec.keyKind(), skipToken);
        if (ordered) {
            // In $orderby order the token names the last row served; continue right after it.
            for (int i = 0; i < rows.size(); i++) {
                if (after.equals(rows.get(i).get(spec.keyField()))) {
                    return rows.subList(i + 1, rows.size());
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object key = row.get(spec.keyField());
            if (key != null && after.compareTo(key) < 0) {
                out.add(row);
            }
        }
        return out;
    }

    /** The {@code sync/} family (§5.17). */
    static boolean isSync(EndpointSpec spec) {
        return spec.path().startsWith("sync/");
    }

    private static Set<String> derive(List<Map<String, Object>> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            names.addAll(row.keySet());
        }
        return names;
    }
}
