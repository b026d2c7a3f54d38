package org.exactsync.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.odata.KeyLiterals;

/**
 * Renders rows the way Exact's verbose OData JSON does: {@code __metadata} {uri, type} on every record,
 * {@code Long} (Edm.Int64) as a JSON string, {@code Instant} as {@code "/Date(ms)/"} (Amsterdam wall time, see {@link ExactValues}), BigDecimal as a JSON
 * number, UUID as a string, embedded collections as {@code {"results":[…]}}.
 */
final class RowRenderer {

    private final ObjectMapper mapper;

    RowRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * One record: {@code __metadata} then the selected properties (all when {@code select} is null), embedded
     * collections inline: the answer to a POST, which carries the lines that were deep-inserted with it.
     */
    ObjectNode record(Map<String, Object> row, EndpointSpec spec, Set<String> properties, List<String> select,
            String entityUriPrefix) {
        return record(row, spec, properties, select, null, entityUriPrefix);
    }

    /**
     * One record whose embedded collections (the lines of an entry, the percentages of a VAT code) are inline only
     * when {@code expand} names them; any other comes as {@code {"__deferred":{"uri":…}}}, as Exact's OData v2 answers
     * a navigation property that was not expanded (docs/exact-reference.md §1.4). A null {@code expand} renders every
     * collection inline.
     */
    ObjectNode record(Map<String, Object> row, EndpointSpec spec, Set<String> properties, List<String> select,
            Set<String> expand, String entityUriPrefix) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode metadata = node.putObject("__metadata");
        Object key = row.get(spec.keyField());
        String uri = entityUriPrefix + (key == null ? "" : "(" + KeyLiterals.format(spec.keyKind(), key) + ")");
        metadata.put("uri", uri);
        metadata.put("type", spec.metadataType());
        for (String name : names(row, properties, select)) {
            Object value = row.get(name);
            if (value instanceof List<?> && expand != null && !expand.contains(name)) {
                node.putObject(name).putObject("__deferred").put("uri", uri + "/" + name);
            } else {
                node.set(name, value(value));
            }
        }
        return node;
    }

    /** The record a POST without {@code Prefer: return=representation} returns: every property null but the key. */
    ObjectNode keyOnly(Map<String, Object> row, EndpointSpec spec, Set<String> properties, String entityUriPrefix) {
        ObjectNode full = record(row, spec, properties, null, entityUriPrefix);
        List<String> names = new ArrayList<>();
        full.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!name.equals("__metadata") && !name.equals(spec.keyField())) {
                full.putNull(name);
            }
        }
        return full;
    }

    private static List<String> names(Map<String, Object> row, Set<String> properties, List<String> select) {
        if (select != null && !select.contains("*")) {
            return select;
        }
        Set<String> names = new LinkedHashSet<>(properties);
        names.addAll(row.keySet());
        return new ArrayList<>(names);
    }

    @SuppressWarnings("unchecked")
    JsonNode value(Object value) {
        if (value == null) {
            return mapper.nullNode();
        }
        if (value instanceof String s) {
            return mapper.getNodeFactory().textNode(s);
        }
        if (value instanceof Boolean b) {
            return mapper.getNodeFactory().booleanNode(b);
        }
        if (value instanceof Integer i) {
            return mapper.getNodeFactory().numberNode(i);
        }
        if (value instanceof Long l) {
            // Edm.Int64 (Timestamp, HID) travels as a JSON string in OData v2 verbose JSON (docs/exact-reference.md §1.8): a JavaScript
            // number would lose precision past 2^53.
            return mapper.getNodeFactory().textNode(Long.toString(l));
        }
        if (value instanceof BigDecimal d) {
            return mapper.getNodeFactory().numberNode(d);
        }
        if (value instanceof Double d) {
            return mapper.getNodeFactory().numberNode(d);
        }
        if (value instanceof UUID u) {
            return mapper.getNodeFactory().textNode(u.toString());
        }
        if (value instanceof Instant instant) {
            return mapper.getNodeFactory().textNode(ExactValues.renderDate(instant));
        }
        if (value instanceof List<?> list) {
            // Embedded collections (e.g. SalesEntryLines, VATPercentages) come as {"results":[…]} like a feed.
            ObjectNode wrapper = mapper.createObjectNode();
            ArrayNode results = wrapper.putArray("results");
            for (Object item : list) {
                results.add(value(item));
            }
            return wrapper;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = mapper.createObjectNode();
            ((Map<String, Object>) map).forEach((k, v) -> node.set(k, value(v)));
            return node;
        }
        return mapper.getNodeFactory().textNode(value.toString());
    }
}
