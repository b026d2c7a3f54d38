package org.exactsync.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The write protocol's own state of a mapping (see {@code org.exactsync.flow.write.OrderedWrites}), stored as
 * attributes of their own beside the Exact field values so that the two can never be mistaken for each other.
 *
 * @param holder     who holds the write claim (an event id, for the operator's eyes), or null
 * @param leaseUntil until when the claim belongs to its holder; null when no write is in progress
 * @param appliedAt  {@code occurredAt} of the CRM version last applied to Exact, or null when unknown
 * @param unsettled  fields a write may have changed in Exact without the change being recorded (a PUT whose worker
 *                   failed or died): the next write of the entity puts them again; sorted, never null
 */
public record WriteState(String holder, Instant leaseUntil, Instant appliedAt, Set<String> unsettled) {

    /** No claim, no known version, nothing unsettled. */
    public static final WriteState NONE = new WriteState(null, null, null, Set.of());

    public WriteState {
        unsettled = unsettled == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(unsettled));
    }

    /** Whether a claim is held and its lease has not ended at {@code now}. */
    public boolean leasedAt(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
