package org.exactsync.store;

import java.util.Optional;

import org.exactsync.mapping.LedgerMapping;

/**
 * Port for the ledger mapping of a tenant's division (sales journal, revenue account → GL code, VAT category/rate →
 * VAT code): one record per (tenant, division), replaced as a whole by compare-and-swap so two editors cannot
 * silently overwrite each other.
 */
public interface LedgerMappingStore {

    /** The division's mapping (strongly consistent read), or empty when none is configured. */
    Optional<LedgerMappingRecord> find(String tenant, int division);

    /**
     * Stores {@code mapping} if the stored version is still {@code expectedVersion} (0 = none stored yet). Returns the
     * stored record (version + 1), or empty when another writer got there first.
     */
    Optional<LedgerMappingRecord> save(String tenant, int division, LedgerMapping mapping, long expectedVersion);
}
