package org.exactsync.flow.payment;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.OData;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.exact.odata.ExactRow;

/**
 * Reads {@code system/Divisions.DivisionMoveDate}: when Exact moves a division to another database every sync
 * timestamp is regenerated, so a stored cursor means nothing any more and the feed must be read in full
 * (exact-online-api.md §5.17).
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
        return exact.query(target, "system/Divisions", ODataQuery.select("Code", "DivisionMoveDate")
                        .filter(OData.eq("Code", OData.int32(target.division()))))
                .filter(row -> Integer.valueOf(target.division()).equals(row.integer("Code")))
                .findFirst()
                .map(DivisionMoves::marker)
                .orElse(NEVER_MOVED);
    }

    private static String marker(ExactRow row) {
        return row.has("DivisionMoveDate") ? String.valueOf(row.instant("DivisionMoveDate")) : NEVER_MOVED;
    }
}
