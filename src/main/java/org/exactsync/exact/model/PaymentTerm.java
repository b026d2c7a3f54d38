package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One payment term as {@code sync/Cashflow/PaymentTerms} (or {@code cashflow/Receivables}) returns it, reduced to
 * what the status and the change report need (docs/exact-reference.md §5.13, §5.17).
 *
 * @param termId            the term's {@code ID} (lower-case), the key {@code sync/Deleted} names when it is deleted
 * @param entryId           {@code TransactionEntryID} = the sales entry's {@code EntryID} (lower-case)
 * @param lineType          20 receivable, 22 payable (sync returns both)
 * @param amountDc          open amount, sign as Exact sends it
 * @param transactionAmount {@code TransactionAmountDC}: the entry's current total in Exact, or null when not sent
 * @param reversal          {@code TransactionIsReversal}
 * @param dueDate           {@code DueDate}, or null
 * @param fullyPaid         {@code IsFullyPaid}
 * @param lastPaymentDate   {@code LastPaymentDate}, or null
 * @param timestamp         sync {@code Timestamp}, or 0 for endpoints without one
 */
public record PaymentTerm(String termId, String entryId, int lineType, BigDecimal amountDc, BigDecimal transactionAmount,
        boolean reversal, LocalDate dueDate, boolean fullyPaid, LocalDate lastPaymentDate, long timestamp) {

    /** Receivables only: payables share the sync feed but are never a CRM invoice. */
    public static final int RECEIVABLE = 20;

    public boolean receivable() {
        return lineType == RECEIVABLE && entryId != null;
    }
}
