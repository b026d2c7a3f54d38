package org.exactsync.exact.model;

import java.time.LocalDate;
import java.util.UUID;

/** A booked sales entry's header as the connector reads it back; {@code dueDate} and the number may be null. */
public record SalesEntry(UUID entryId, Integer entryNumber, LocalDate dueDate, UUID customer) {
}
