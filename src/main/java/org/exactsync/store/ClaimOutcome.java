package org.exactsync.store;

/** What {@link EventStore#claim} found. */
public enum ClaimOutcome {
    /** First delivery: the event is now stored as ACCEPTED and this caller should process it. */
    NEW,
    /** Seen before with the same body: answer from the stored status and result, do nothing else. */
    DUPLICATE_SAME_BODY,
    /** Seen before with a different body: reject (409), store nothing. */
    CONFLICT_DIFFERENT_BODY
}
