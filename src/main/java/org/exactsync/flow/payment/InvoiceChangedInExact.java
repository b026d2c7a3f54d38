package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.exactsync.mapping.EntryChange;
import org.exactsync.mapping.Money;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code invoice.changed-in-exact} callback's data (docs/payment-status.md): a booked entry was changed in Exact
 * in a way that is not a payment. Amounts are positive magnitudes with two decimals; what no longer exists is null.
 *
 * @param invoiceId   the CRM invoice (or credit note)
 * @param division    the Exact division
 * @param change      {@code amount}, {@code due-date}, {@code reversed} or {@code deleted}
 * @param bookedTotal the total incl. VAT the connector booked
 * @param exactTotal  the entry's total incl. VAT in Exact now; null when deleted
 * @param openAmount  what is open on it in Exact now; null when deleted
 * @param dueDate     the due date in Exact now ({@code YYYY-MM-DD}); null when deleted or unknown
 */
@RegisterForReflection
public record InvoiceChangedInExact(String invoiceId, int division, String change, String bookedTotal,
        String exactTotal, String openAmount, String dueDate) {

    /** The callback type. */
    public static final String TYPE = "invoice.changed-in-exact";

    static InvoiceChangedInExact of(String invoiceId, int division, EntryChange change, BigDecimal bookedTotal,
            BigDecimal exactTotal, BigDecimal openAmount, LocalDate dueDate) {
        boolean gone = change == EntryChange.DELETED;
        return new InvoiceChangedInExact(invoiceId, division, change.wireName(), Money.text(bookedTotal.abs()),
                gone || exactTotal == null ? null : Money.text(exactTotal.abs()),
                gone || openAmount == null ? null : Money.text(openAmount.abs()),
                gone || dueDate == null ? null : dueDate.toString());
    }
}
