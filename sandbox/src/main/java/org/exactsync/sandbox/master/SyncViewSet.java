package org.exactsync.sandbox.master;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * A {@code sync/…} view of another endpoint's rows (docs/exact-reference.md §5.17): GET only, 1000 rows per page, keyed
 * and ordered by the rowversion {@code Timestamp} (so {@code $skiptoken} is an Int64 {@code …L}), and only
 * {@code Timestamp} may be filtered on. Rows without a Timestamp are not shown.
 */
public final class SyncViewSet implements EntitySet {

    private final EndpointSpec spec;
    private final EntitySet source;
    private final Set<String> properties;

    public SyncViewSet(String path, EntitySet source, String metadataType) {
        this.spec = new EndpointSpec(path, "Timestamp", KeyKind.INT64, EndpointSpec.BULK_PAGE, false, Set.of(), true,
                Set.of(), Set.of("GET"), metadataType);
        this.source = source;
        Set<String> names = new LinkedHashSet<>();
        names.add("Timestamp");
        names.addAll(source.properties());
        this.properties = java.util.Collections.unmodifiableSet(names);
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
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : source.list(division, context)) {
            if (row.get("Timestamp") != null) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(r -> (Long) r.get("Timestamp")));
        return rows;
    }
}
