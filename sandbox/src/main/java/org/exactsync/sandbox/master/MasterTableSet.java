package org.exactsync.sandbox.master;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.SandboxContext;
import org.exactsync.sandbox.Table;

/**
 * Shared mechanics of the master-data sets: one {@link Table} per division under the endpoint path, a fixed
 * property list, typed reading of writable fields, and Created/Modified/Timestamp stamping.
 */
abstract class MasterTableSet implements EntitySet {

    private final EndpointSpec spec;
    private final Set<String> properties;

    MasterTableSet(EndpointSpec spec, List<String> properties) {
        this.spec = spec;
        this.properties = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(properties));
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return properties;
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        return table(division).snapshotSortedByKey();
    }

    Table table(DivisionData division) {
        return division.table(spec.path(), spec.keyField());
    }

    /** A new row with every property null, so a GET shows them all (as Exact does). */
    Map<String, Object> blankRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String property : properties) {
            row.put(property, null);
        }
        return row;
    }

    /** Copies the accepted fields of {@code body} into {@code row}; other fields are ignored, as Exact does. */
    static void applyWritable(Map<String, Object> row, Map<String, Object> body, Map<String, FieldType> writable) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            FieldType type = writable.get(e.getKey());
            if (type != null) {
                row.put(e.getKey(), type.read(e.getValue(), e.getKey()));
            }
        }
    }

    /** Stamps an insert: ID, Division, Created/Modified and a rowversion. */
    void stampCreated(Map<String, Object> row, DivisionData division, Instant now) {
        if (row.get(spec.keyField()) == null) {
            row.put(spec.keyField(), newId(division, spec.path()));
        }
        row.put("Division", division.code());
        row.put("Created", now);
        row.put("Modified", now);
        if (row.containsKey("Timestamp")) {
            row.put("Timestamp", division.nextTimestamp());
        }
    }

    /** Stamps an update: Modified and a new rowversion. */
    static void stampModified(Map<String, Object> row, DivisionData division, Instant now) {
        row.put("Modified", now);
        if (row.containsKey("Timestamp")) {
            row.put("Timestamp", division.nextTimestamp());
        }
    }

    /**
     * A new GUID, derived from the division's rowversion so that a run is repeatable call for call (the sandbox is
     * deterministic; random GUIDs would make failing runs impossible to replay).
     */
    static UUID newId(DivisionData division, String path) {
        return UUID.nameUUIDFromBytes((division.code() + "/" + path + "/" + division.nextTimestamp())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Map<String, Object> existing(DivisionData division, Object key) {
        return table(division).get(key).orElseThrow(ExactFault::notFound);
    }

    static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
