package org.exactsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The link between a CRM entity and its Exact record in one division, plus what was last sent so that a later
 * difference in Exact can be told apart from a change made in the CRM (conflict detection).
 *
 * @param key        tenant, division, kind and CRM id
 * @param exactId    Exact GUID, or null while the record is not (yet) known in Exact
 * @param exactCode  Exact's human code (debtor number, cost center code, entry number), or null
 * @param sentHash   hash over the field values last sent to Exact, or null
 * @param sentValues the field values last sent (field name → value as sent); empty when none
 * @param updatedAt  last write
 * @param version    optimistic-lock version; starts at 1
 * @param write      the write protocol's state (claim, applied CRM version, unsettled fields); never null
 * @param memberIds  CRM ids of the entity's parts written with it (a relation's contacts), in order; never null
 */
public record MappingRecord(
        MappingKey key,
        String exactId,
        String exactCode,
        String sentHash,
        Map<String, String> sentValues,
        Instant updatedAt,
        long version,
        WriteState write,
        List<String> memberIds) {

    public MappingRecord {
        sentValues = Map.copyOf(sentValues);
        write = write == null ? WriteState.NONE : write;
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** A mapping without protocol state or members, as most readers and fixtures build one. */
    public MappingRecord(MappingKey key, String exactId, String exactCode, String sentHash,
            Map<String, String> sentValues, Instant updatedAt, long version) {
        this(key, exactId, exactCode, sentHash, sentValues, updatedAt, version, WriteState.NONE, List.of());
    }
}
