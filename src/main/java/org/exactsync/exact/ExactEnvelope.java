package org.exactsync.exact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exact's OData v2 "verbose" JSON: everything under {@code d}; a collection page as {@code d.results} plus
 * {@code d.__next} (absent on the last page), sometimes a bare array {@code d: [...]} (seen when {@code $top} is
 * sent), a single entity as {@code d: {...}} (docs/exact-reference.md §1.3).
 */
record ExactEnvelope(List<JsonNode> rows, Optional<String> next) {

    static ExactEnvelope parse(JsonNode root) {
        JsonNode d = root.path("d");
        if (d.isArray()) {
            return new ExactEnvelope(list(d), Optional.empty());
        }
        if (d.isObject() && d.has("results")) {
            JsonNode next = d.path("__next");
            return new ExactEnvelope(list(d.path("results")),
                    next.isTextual() && !next.asText().isBlank() ? Optional.of(next.asText()) : Optional.empty());
        }
        if (d.isObject()) {
            return new ExactEnvelope(List.of(d), Optional.empty());
        }
        return new ExactEnvelope(List.of(), Optional.empty());
    }

    /** The single entity of a GET by key or a POST result. */
    static Optional<JsonNode> single(JsonNode root) {
        JsonNode d = root.path("d");
        if (d.isObject() && d.has("results")) {
            JsonNode results = d.path("results");
            return results.size() > 0 ? Optional.of(results.get(0)) : Optional.empty();
        }
        return d.isObject() ? Optional.of(d) : Optional.empty();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>(array.size());
        array.forEach(rows::add);
        return rows;
    }
}
