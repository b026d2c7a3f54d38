package org.exactsync.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Exact endpoint's behaviour in the sandbox. The HTTP layer owns everything generic (authentication, rate
 * limits, faults, key segments, {@code $filter}/{@code $select}/paging, the {@code d} envelope, date rendering, error
 * bodies); an {@code EntitySet} owns the entity: which rows exist and what a POST, PUT or DELETE does to them,
 * including Exact's validation rules. Methods are called with {@link DivisionData#lock()} held.
 */
public interface EntitySet {

    EndpointSpec spec();

    /**
     * The entity's property names, case-sensitive, against which {@code $select} and {@code $filter} names are
     * checked (an unknown one answers 400). The default, an empty set, derives the names from the rows present.
     */
    default Set<String> properties() {
        return Set.of();
    }

    /** The rows a GET sees in this division (before filtering), in key order. */
    List<Map<String, Object>> list(DivisionData division, SandboxContext context);

    /** POST: validates, stores and returns the created row (as {@code Prefer: return=representation} shows it). */
    default Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        throw ExactFault.methodNotAllowed();
    }

    /** PUT to {@code Entity(key)}: a partial update of the given fields; unknown key is a 404. */
    default void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        throw ExactFault.methodNotAllowed();
    }

    /** DELETE {@code Entity(key)}; unknown key is a 404. */
    default void delete(DivisionData division, Object key, SandboxContext context) {
        throw ExactFault.methodNotAllowed();
    }
}
