package org.exactsync.sandbox.master;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.SandboxContext;

/**
 * A {@code bulk/…} view of a normal endpoint (docs/exact-reference.md §1.4–1.5): GET only, 1000 rows per page,
 * {@code $select} required, the source's mandatory filtering, and fields the bulk variant refuses to filter on.
 */
public final class BulkViewSet implements EntitySet {

    private final EndpointSpec spec;
    private final EntitySet source;

    public BulkViewSet(String path, EntitySet source, String metadataType, Set<String> unsupportedFilterFields) {
        EndpointSpec s = source.spec();
        this.spec = new EndpointSpec(path, s.keyField(), s.keyKind(), EndpointSpec.BULK_PAGE, true,
                s.mandatoryFilterFields(), false, unsupportedFilterFields, Set.of("GET"), metadataType);
        this.source = source;
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return source.properties();
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        return source.list(division, context);
    }
}
