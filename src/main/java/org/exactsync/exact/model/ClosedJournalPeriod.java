package org.exactsync.exact.model;

/** A period closed for one journal (Exact refuses entries booked in it); {@code journal} is the trimmed code. */
public record ClosedJournalPeriod(String journal, int year, int period) {
}
