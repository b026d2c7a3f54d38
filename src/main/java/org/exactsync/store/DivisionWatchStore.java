package org.exactsync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for the "changed" marks of Exact's webhooks, one item per tenant and division: a notification only marks the
 * division (no Exact call); the schedule reads each marked division once, however many notifications arrived.
 */
public interface DivisionWatchStore {

    /** The division's watch, or empty when never marked nor read. */
    Optional<DivisionWatch> find(String tenant, int division);

    /** Marks the division changed; a mark already pending keeps its (earlier) time, so the debounce runs from it. */
    void markChanged(String tenant, int division, Instant at);

    /**
     * Claims a read of the division: clears the pending mark if it is still {@code seenChangedAt} (null = none must
     * be pending) and records the read's time ({@code sweep}: also as the last sweep). A notification that arrives
     * after the claim marks the division again, so nothing is lost.
     *
     * @return false when another worker claimed it first or a new notification arrived (decide again)
     */
    boolean claimRead(String tenant, int division, Instant seenChangedAt, Instant now, boolean sweep);
}
