package org.exactsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port for outbound CRM callbacks: one queue per (tenant, CRM entity), delivered head first so a CRM never sees a
 * later state of an entity before an earlier one. An item exists while it is undelivered; delivery removes it. Every
 * change is one single-item conditional write.
 */
public interface CallbackOutbox {

    /** Appends to the entity's queue with the next sequence number, due at once. */
    QueuedCallback enqueue(NewCallback callback);

    /** The oldest undelivered callback of the queue, or empty when the queue is empty. */
    Optional<QueuedCallback> head(String tenant, String entityKey);

    /**
     * Takes the delivery lease: conditional on the version the caller read and on no live lease. While leased the item
     * is due again at {@code leaseUntil}, so a dispatcher that dies mid-delivery does not strand it.
     *
     * @return the leased item, or empty when someone else holds it or it changed
     */
    Optional<QueuedCallback> lease(QueuedCallback callback, String owner, Instant leaseUntil);

    /** Removes a delivered callback; conditional on the lease. False when the lease was lost. */
    boolean delivered(QueuedCallback leased, String owner);

    /** Records a failed attempt (attempts + 1) and when to try again; releases the lease. */
    Optional<QueuedCallback> retryLater(QueuedCallback leased, String owner, Instant nextAttemptAt, String lastError);

    /**
     * Callbacks of every tenant due at {@code now} (next attempt reached), earliest first, at most {@code limit}.
     * Read from an index, so it may lag a write by a moment; the dispatcher re-reads each queue's head.
     */
    List<QueuedCallback> due(Instant now, int limit);
}
