package org.exactsync.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a move of a division to another Exact database does to the sync families (docs/exact-reference.md §5.17):
 * every rowversion is regenerated, so a stored {@code Timestamp} cursor means nothing afterwards. Every table of the
 * division is renumbered — CRM accounts and contacts, GL accounts, transaction lines, payment terms, the deletion
 * log, whatever a sync feed is built on — keeping the rows' relative order, all above every old value.
 */
public final class DivisionMove {

    /** How far above the old rowversions the regenerated ones start. */
    static final long GAP = 1_000_000_000L;

    private DivisionMove() {
    }

    /**
     * Renumbers every row that carries a {@code Timestamp}; tables keyed by it (the deletion log) are re-keyed. Call
     * under {@link DivisionData#lock()}.
     *
     * @return the lowest regenerated Timestamp
     */
    public static long regenerateTimestamps(DivisionData division) {
        long base = division.nextTimestamp() + GAP;
        division.regenerateTimestamps(base);
        record Stamped(Table table, Map<String, Object> row, long old) {
        }
        List<Stamped> stamped = new ArrayList<>();
        for (Table table : division.tables()) {
            for (Map<String, Object> row : table.where(r -> r.get("Timestamp") instanceof Long)) {
                stamped.add(new Stamped(table, row, (Long) row.get("Timestamp")));
            }
        }
        stamped.sort(Comparator.comparingLong(Stamped::old));
        for (Stamped s : stamped) {
            boolean keyed = "Timestamp".equals(s.table().keyField());
            if (keyed) {
                s.table().remove(s.old());
            }
            s.row().put("Timestamp", division.nextTimestamp());
            if (keyed) {
                s.table().put(s.row());
            }
        }
        return base + 1;
    }
}
