package org.exactsync.store;

/**
 * Life of a CRM event: ACCEPTED → IN_PROGRESS (under a lease) → DONE | WAITING | FAILED; WAITING and FAILED events
 * can be started again (replay), DONE is final.
 */
public enum EventStatus {
    /** Stored durably, not started yet. */
    ACCEPTED,
    /** A worker holds the lease and is working on it. */
    IN_PROGRESS,
    /** Finished; the result is stored and answered to duplicates. */
    DONE,
    /** Must wait (rate budget spent, Exact down, relation not synced yet); finished later without a new delivery. */
    WAITING,
    /** Could not be completed; {@link EventRecord#retryable()} says whether a replay can help. */
    FAILED;

    /** Whether events in this status are backlog (shown in status and backlog-age queries). */
    public boolean open() {
        return this != DONE;
    }
}
