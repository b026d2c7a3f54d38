package org.exactsync.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one Exact division (administration) holds in the sandbox: one {@link Table} per entity, the
 * division's rowversion counter behind every {@code Timestamp} of the sync endpoints, and one lock under which all
 * writes of the division happen (so a sales entry, its transaction lines and its payment terms appear together).
 */
public final class DivisionData {

    private final int code;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private long rowVersion = 1_000L;

    public DivisionData(int code) {
        this.code = code;
    }

    /** The division number used in URLs ({@code /api/v1/{code}/…}). */
    public int code() {
        return code;
    }

    /** The table for an entity path such as {@code crm/Accounts}, created empty on first use. */
    public Table table(String path, String keyField) {
        return tables.computeIfAbsent(path, p -> new Table(keyField));
    }

    /** The existing table for a path, or null when nothing was ever stored there. */
    public Table tableIfPresent(String path) {
        return tables.get(path);
    }

    /** Every table stored so far (a snapshot of the list; the tables themselves are live). */
    public java.util.List<Table> tables() {
        return java.util.List.copyOf(tables.values());
    }

    /**
     * The next value of Exact's rowversion: unique and increasing within the division, unrelated to clock time
     * (docs/exact-reference.md §5.17). Call under {@link #lock()}.
     */
    public long nextTimestamp() {
        return ++rowVersion;
    }

    /** Moves every future timestamp far away, as a division move to another database does (full resync). */
    public void regenerateTimestamps(long newBase) {
        rowVersion = Math.max(rowVersion, newBase);
    }

    /** The lock every write (and every multi-table read) of this division takes. */
    public Object lock() {
        return this;
    }
}
