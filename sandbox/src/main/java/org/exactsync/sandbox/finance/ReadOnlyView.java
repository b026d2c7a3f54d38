package org.exactsync.sandbox.finance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * A GET-only endpoint whose rows are derived from the finance tables (transaction lines, payment terms, the
 * deletion log). Writes answer 405, as Exact's read, bulk and sync endpoints do.
 */
final class ReadOnlyView implements EntitySet {

    private static final Set<String> GET_ONLY = Set.of("GET");

    private final EndpointSpec spec;
    private final Set<String> properties;
    private final BiFunction<DivisionData, SandboxContext, List<Map<String, Object>>> rows;

    ReadOnlyView(EndpointSpec spec, Set<String> properties,
            BiFunction<DivisionData, SandboxContext, List<Map<String, Object>>> rows) {
        this.spec = spec;
        this.properties = properties;
        this.rows = rows;
    }

    /** A normal (60 per page) endpoint. */
    static EndpointSpec single(String path, String key, KeyKind kind, boolean selectRequired, String type) {
        return new EndpointSpec(path, key, kind, EndpointSpec.SINGLE_PAGE, selectRequired, Set.of(), false,
                Set.of(), GET_ONLY, type);
    }

    /** A bulk endpoint: 1000 per page, {@code $select} required (§1.5). */
    static EndpointSpec bulk(String path, String type) {
        return new EndpointSpec(path, "ID", KeyKind.GUID, EndpointSpec.BULK_PAGE, true, Set.of(), false, Set.of(),
                GET_ONLY, type);
    }

    /** A sync endpoint: 1000 per page, keyed and paged by the Int64 rowversion, Timestamp the only filter. */
    static EndpointSpec sync(String path, String type) {
        return new EndpointSpec(path, "Timestamp", KeyKind.INT64, EndpointSpec.BULK_PAGE, false, Set.of(), true,
                Set.of(), GET_ONLY, type);
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
        return rows.apply(division, context);
    }
}
