package org.exactsync.store;

import java.util.List;
import java.util.Objects;

/**
 * Where an open event is drained and how it is ordered there: what the claim stores for a new event, and what the
 * replay's adoption stores later for an event claimed before lanes existed.
 *
 * @param divisions the divisions the event targets; the first one is its lane, so at least one
 * @param entity    the CRM entity it changes, e.g. {@code relation:rel-1001}, or null
 * @param after     entities that must be synced before this one can be, e.g. an invoice's relation
 */
public record LanePlacement(List<Integer> divisions, String entity, List<String> after) {

    public LanePlacement {
        Objects.requireNonNull(divisions, "divisions");
        if (divisions.isEmpty()) {
            throw new IllegalArgumentException("divisions: an event needs at least one to be in a lane");
        }
        divisions = List.copyOf(divisions);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** The lane's division: the first target division. */
    public int lane() {
        return divisions.get(0);
    }
}
