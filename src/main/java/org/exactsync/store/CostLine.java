package org.exactsync.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One purchase transaction line booked on a project's cost center, as last read from Exact.
 *
 * @param lineId       Exact transaction line {@code ID} (stable key; an edited line keeps it)
 * @param entryId      Exact {@code EntryID}: the purchase entry the line belongs to
 * @param entryNumber  the entry's number, or null
 * @param date         booking date
 * @param supplier     supplier name ({@code AccountName}), or null
 * @param supplierCode supplier's creditor number, trimmed, or null
 * @param glAccount    GL account code, trimmed
 * @param amount       {@code AmountDC}: positive for a purchase, negative for a purchase credit note
 * @param description  line description, or null
 */
public record CostLine(String lineId, String entryId, Integer entryNumber, LocalDate date, String supplier,
        String supplierCode, String glAccount, BigDecimal amount, String description) {
}
