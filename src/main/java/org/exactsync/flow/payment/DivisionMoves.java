package org.exactsync.flow.payment;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;

/**
 * Reads {@code system/Divisions.DivisionMoveDate}: when Exact moves a division to another database every sync
 * timestamp is regenerated, so a stored cursor means nothing any more and the feed must be read in full
 * (docs/exact-reference.md §5.17).
 */
@ApplicationScoped
public class DivisionMoves {

    /** What the cursor remembers for a division that was never moved. */
    static final String NEVER_MOVED = "never-moved";

    private final ExactOnline exact;

    public DivisionMoves(ExactOnline exact) {
        this.exact = exact;
    }

    /** The division's move date as text ({@link #NEVER_MOVED} when it has none): one call. */
    public String moveMarker(ExactTarget target) {
        return exact.divisionMoveDate(target).map(String::valueOf).orElse(NEVER_MOVED);
    }
}
