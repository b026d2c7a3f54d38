package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.exactsync.exact.odata.ExactRow;

/**
 * One payment term as {@code sync/Cashflow/PaymentTerms} (or {@code cashflow/Receivables}) returns it, reduced to
 * what the status and the change report need (exact-online-api.md §5.13, §5.17).
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
record PaymentTermRow(String termId, String entryId, int lineType, BigDecimal amountDc, BigDecimal transactionAmount,
        boolean reversal, LocalDate dueDate, boolean fullyPaid, LocalDate lastPaymentDate, long timestamp) {

    /** Receivables only: payables share the sync feed but are never a CRM invoice. */
    static final int RECEIVABLE = 20;

    /** The fields the sync read selects (Exact demands {@code $select} on several finance endpoints). */
    static final List<String> SYNC_FIELDS = List.of("Timestamp", "ID", "TransactionEntryID", "LineType", "AmountDC",
            "TransactionAmountDC", "TransactionIsReversal", "DueDate", "IsFullyPaid", "LastPaymentDate");

    static PaymentTermRow of(ExactRow row) {
        String entry = row.string("TransactionEntryID");
        String id = row.string("ID");
        Integer lineType = row.integer("LineType");
        Long timestamp = row.has("Timestamp") ? row.int64("Timestamp") : null;
        return new PaymentTermRow(id == null ? null : id.toLowerCase(), entry == null ? null : entry.toLowerCase(),
                lineType == null ? RECEIVABLE : lineType, row.decimal("AmountDC"),
                row.has("TransactionAmountDC") ? row.decimal("TransactionAmountDC") : null,
                Boolean.TRUE.equals(row.bool("TransactionIsReversal")), row.localDate("DueDate"),
                Boolean.TRUE.equals(row.bool("IsFullyPaid")), row.localDate("LastPaymentDate"),
                timestamp == null ? 0 : timestamp);
    }

    boolean receivable() {
        return lineType == RECEIVABLE && entryId != null;
    }
}
