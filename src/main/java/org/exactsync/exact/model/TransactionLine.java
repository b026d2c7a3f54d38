package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One financial transaction line from Exact's transaction-lines feed, with what the project-costs read-back needs.
 * Any value Exact leaves out is null ({@code timestamp} included).
 *
 * @param id          the line's {@code ID}
 * @param entryId     the entry the line belongs to; all lines of a re-booked entry share it
 * @param lineNumber  0 is the entry's total line
 * @param type        the entry's type (purchase entries are the costs)
 * @param costCenter  the cost center code, trimmed
 * @param accountCode the supplier's code, trimmed
 */
public record TransactionLine(Long timestamp, String id, String entryId, Integer entryNumber, Integer lineNumber,
        Integer type, String costCenter, LocalDate date, String accountName, String accountCode, String glAccountCode,
        BigDecimal amountDc, String description) {
}
