package org.exactsync.store;

import java.time.Instant;

/**
 * A (tenant, division) that may have open events: the unit the replay drains, one run at a time.
 *
 * @param tenant     tenant
 * @param division   Exact division (the call budget's unit)
 * @param leaseUntil end of the drain lease of the run draining it now, or null
 * @param drainedAt  when a run last gave the lane up, or null (never drained): the least recently drained go first
 */
public record BacklogLane(String tenant, int division, Instant leaseUntil, Instant drainedAt) {

    /** Whether a run holds the lane at {@code now}. */
    public boolean leasedAt(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
