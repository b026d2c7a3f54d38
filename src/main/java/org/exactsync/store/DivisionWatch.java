package org.exactsync.store;

import java.time.Instant;

/**
 * The payment side's view of one tenant's division between reads of Exact: whether a webhook said something changed
 * since the last read, and when the division was last read.
 *
 * @param tenant    tenant
 * @param division  Exact division
 * @param changedAt the first notification since the last read, or null when nothing is pending
 * @param checkedAt the last read of the division's payment terms (webhook-triggered or sweep), or null
 * @param sweptAt   the last full sweep (move check, terms, deletions), or null
 */
public record DivisionWatch(String tenant, int division, Instant changedAt, Instant checkedAt, Instant sweptAt) {

    /** A division nothing is known of yet. */
    public static DivisionWatch unseen(String tenant, int division) {
        return new DivisionWatch(tenant, division, null, null, null);
    }
}
