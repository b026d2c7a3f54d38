package org.exactsync.store;

import java.util.List;
import java.util.Optional;

/**
 * Port for CRM ↔ Exact id mappings per division. Writes are single-item conditional writes: create-if-absent so two
 * workers handling the same relation cannot both create it, and compare-and-swap on the version for updates.
 */
public interface MappingStore {

    /** The mapping (strongly consistent read), or empty when the entity was never mapped in that division. */
    Optional<MappingRecord> find(MappingKey key);

    /**
     * The mapping of the given kind whose Exact GUID is {@code exactId} in that tenant's division, e.g. to route an
     * Exact webhook or a sync row back to the CRM entity. Read from an index, so a write made a moment ago may not be
     * visible yet.
     */
    Optional<MappingRecord> findByExactId(String tenant, int division, EntityKind kind, String exactId);

    /**
     * Every mapping of one kind in a tenant's division, in CRM id order: the input of a reconciliation (drift) run,
     * which compares what was last sent with what Exact holds now. Pages through the division's partition.
     */
    List<MappingRecord> findAll(String tenant, int division, EntityKind kind);

    /**
     * A page of the mappings of one kind in a tenant's division, in CRM id order, starting after the CRM id
     * {@code after} (null: from the first): the operator console's sync status, which must page through tens of
     * thousands of rows without reading them all. This default slices {@link #findAll}; a store that can query a
     * page (DynamoDB) overrides it.
     */
    default MappingPage page(String tenant, int division, EntityKind kind, String after, int limit) {
        List<MappingRecord> rest = findAll(tenant, division, kind).stream()
                .filter(m -> after == null || m.key().crmId().compareTo(after) > 0).toList();
        List<MappingRecord> page = rest.subList(0, Math.min(limit, rest.size()));
        return new MappingPage(page, rest.size() > limit ? page.get(page.size() - 1).key().crmId() : null);
    }

    /**
     * Creates the mapping with version 1 unless one exists. Returns the stored record either way; {@code created}
     * says whether this call made it.
     */
    Creation createIfAbsent(MappingKey key, MappingChange initial);

    /**
     * Replaces the mutable fields if the stored version is still {@code expectedVersion}; returns the new record
     * (version + 1) or empty when another writer got there first.
     */
    Optional<MappingRecord> compareAndSwap(MappingKey key, long expectedVersion, MappingChange change);

    /** Outcome of {@link #createIfAbsent}: the stored record and whether this call created it. */
    record Creation(MappingRecord record, boolean created) {
    }
}
