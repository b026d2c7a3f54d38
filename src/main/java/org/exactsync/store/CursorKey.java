package org.exactsync.store;

/**
 * Names one sync position: a feed (e.g. {@code sync/Cashflow/PaymentTerms}) read for one tenant's division. Exact
 * sync timestamps are per division, so the cursor is too (docs/exact-reference.md §5.17).
 */
public record CursorKey(String tenant, int division, String feed) {
}
