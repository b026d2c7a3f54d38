package org.exactsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A test endpoint with {@code count} generated rows and a key of the given kind, to exercise the generic layer. */
public final class GeneratedSet implements EntitySet {

    private final EndpointSpec spec;
    private final int count;

    public GeneratedSet(String path, KeyKind kind, int pageSize, int count) {
        this.spec = new EndpointSpec(path, "Key", kind, pageSize, false, Set.of(), false, Set.of(), Set.of("GET"),
                "Exact.Test.Generated");
        this.count = count;
    }

    /** The key of row {@code i} (1-based) for a key kind. */
    public static Object key(KeyKind kind, int i) {
        return switch (kind) {
            case GUID -> UUID.nameUUIDFromBytes(("row" + i).getBytes(StandardCharsets.UTF_8));
            case STRING -> String.format("K%05d", i);
            case INT32 -> i;
            case INT64 -> 1_000_000L + i;
        };
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return Set.of("Key", "Number", "Label");
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Key", key(spec.keyKind(), i));
            row.put("Number", i);
            row.put("Label", "Row " + i);
            rows.add(row);
        }
        rows.sort((a, b) -> compare(a.get("Key"), b.get("Key")));
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
