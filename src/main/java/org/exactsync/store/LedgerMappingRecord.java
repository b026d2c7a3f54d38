package org.exactsync.store;

import java.time.Instant;

import org.exactsync.mapping.LedgerMapping;

/**
 * A stored ledger mapping.
 *
 * @param tenant    the tenant
 * @param division  the Exact division it applies to
 * @param mapping   the mapping
 * @param updatedAt last write
 * @param version   optimistic-lock version; starts at 1
 */
public record LedgerMappingRecord(String tenant, int division, LedgerMapping mapping, Instant updatedAt,
        long version) {
}
