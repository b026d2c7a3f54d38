package org.exactsync.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rows of one entity in one division. A row is a {@code Map<String,Object>} whose values are {@link String},
 * {@link Boolean}, {@link Integer}, {@link Long}, {@link java.math.BigDecimal}, {@link java.util.UUID},
 * {@link java.time.Instant} (rendered as {@code /Date(ms)/}), {@code List<Map<String,Object>>} (embedded
 * collections such as {@code SalesEntryLines}) or {@code null}.
 *
 * <p>Not thread-safe by itself: callers hold {@link DivisionData#lock()} for every read-modify-write.
 */
public final class Table {

    private final String keyField;
    private final LinkedHashMap<Object, Map<String, Object>> rows = new LinkedHashMap<>();

    public Table(String keyField) {
        this.keyField = keyField;
    }

    public String keyField() {
        return keyField;
    }

    public Optional<Map<String, Object>> get(Object key) {
        return Optional.ofNullable(rows.get(key));
    }

    /** Inserts or replaces the row under its key field's value. */
    public void put(Map<String, Object> row) {
        Object key = row.get(keyField);
        if (key == null) {
            throw new IllegalArgumentException("row without " + keyField);
        }
        rows.put(key, row);
    }

    public Optional<Map<String, Object>> remove(Object key) {
        return Optional.ofNullable(rows.remove(key));
    }

    public int size() {
        return rows.size();
    }

    /** A snapshot of the rows in key order (the order Exact pages in). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> snapshotSortedByKey() {
        List<Map<String, Object>> copy = new ArrayList<>(rows.values());
        copy.sort(Comparator.comparing(r -> (Comparable) r.get(keyField)));
        return copy;
    }

    public List<Map<String, Object>> where(Predicate<Map<String, Object>> predicate) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows.values()) {
            if (predicate.test(row)) {
                out.add(row);
            }
        }
        return out;
    }
}
