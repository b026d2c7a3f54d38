package org.exactsync.exact.odata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The properties of a POST body or a partial PUT, in Exact's names and wire formats. Only the fields set here are
 * sent: a PUT leaves every other field of the entity alone (docs/exact-reference.md §1.7), and setting a field to
 * {@code null} clears it. Immutable; each {@code with} returns a copy.
 */
public final class ExactFields {

    private final Map<String, Object> values;

    private ExactFields(Map<String, Object> values) {
        this.values = values;
    }

    public static ExactFields empty() {
        return new ExactFields(Map.of());
    }

    public ExactFields with(String field, String value) {
        return put(field, value);
    }

    public ExactFields with(String field, UUID value) {
        return put(field, value == null ? null : value.toString());
    }

    /** Amounts go out as JSON numbers with their exact decimal digits (no binary floating point on our side). */
    public ExactFields with(String field, BigDecimal value) {
        return put(field, value);
    }

    public ExactFields with(String field, Integer value) {
        return put(field, value);
    }

    public ExactFields with(String field, Boolean value) {
        return put(field, value);
    }

    /** Business dates go out as local midnight without offset. */
    public ExactFields with(String field, LocalDate value) {
        return put(field, value == null ? null : ExactDates.format(value));
    }

    /** An embedded collection, e.g. {@code SalesEntryLines} on a sales entry POST. */
    public ExactFields withLines(String field, List<ExactFields> lines) {
        return put(field, lines.stream().map(ExactFields::asMap).toList());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Field names set, in order. */
    public Set<String> fieldNames() {
        return values.keySet();
    }

    /** The wire view, for the serialiser. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private ExactFields put(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new ExactFields(copy);
    }

    @Override
    public String toString() {
        // Values can be personal data: print names only.
        return "ExactFields" + values.keySet();
    }
}
