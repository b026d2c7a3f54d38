package org.exactsync.store;

/** The outcome of a claim and the stored record (the new one for NEW, the earlier one otherwise). */
public record ClaimResult(ClaimOutcome outcome, EventRecord record) {
}
