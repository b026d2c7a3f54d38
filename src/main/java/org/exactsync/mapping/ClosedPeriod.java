package org.exactsync.mapping;

/** A period a bookkeeper closed for one journal ({@code read/financial/JournalStatusList} Status 1). */
public record ClosedPeriod(String journal, int year, int period) {
}
