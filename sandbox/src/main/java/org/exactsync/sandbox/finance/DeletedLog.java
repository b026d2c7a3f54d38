package org.exactsync.sandbox.finance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;

/**
 * Writes {@code sync/Deleted} rows. Public so the core sandbox can log its own deletions (accounts, contacts) in the
 * same log; call under the division lock. EntityType codes per docs/exact-reference.md §5.17.
 */
public final class DeletedLog {

    public static final int TRANSACTION_LINES = 1;
    public static final int ACCOUNTS = 2;
    public static final int ADDRESSES = 3;
    public static final int CONTACTS = 5;
    public static final int GL_ACCOUNTS = 7;
    public static final int PAYMENT_TERMS = 10;
    public static final int PROJECTS = 21;

    private DeletedLog() {
    }

    /** Logs one deleted record with a fresh rowversion. */
    public static void record(DivisionData division, int entityType, UUID entityKey, Instant deletedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        long timestamp = division.nextTimestamp();
        row.put("Timestamp", timestamp);
        row.put("ID", UUID.randomUUID());
        row.put("Division", division.code());
        row.put("EntityKey", entityKey);
        row.put("EntityType", entityType);
        row.put("DeletedBy", null);
        row.put("DeletedDate", deletedAt);
        FinanceTables.deleted(division).put(row);
    }
}
