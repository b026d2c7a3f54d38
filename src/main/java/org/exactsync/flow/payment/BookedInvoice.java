package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingRecord;

/**
 * A CRM invoice or credit note the invoice flow has booked, read from its INVOICE mapping: {@code exactId} = Exact
 * {@code EntryID}; {@code sentValues} {@code state} ({@code booked} only counts), {@code kind}, {@code creditedInvoiceId},
 * {@code totalInclVat}.
 *
 * @param invoiceId         the CRM id
 * @param entryId           Exact {@code EntryID} (lower-case GUID text)
 * @param creditNote        whether it is a credit note
 * @param creditedInvoiceId the invoice a credit note credits, or null
 * @param totalInclVat      the booked total incl. VAT (negative for a credit note)
 * @param dueDate           Exact's due date at booking ({@code sentValues.dueDate}), or null
 */
record BookedInvoice(String invoiceId, String entryId, boolean creditNote, String creditedInvoiceId,
        BigDecimal totalInclVat, LocalDate dueDate) {

    /** The booked document the mapping describes, or empty while it is only claimed or lacks what is needed. */
    static Optional<BookedInvoice> of(MappingRecord mapping) {
        // A booked invoice's mapping holds the entry id; a claim (a booking in progress) has none.
        if (mapping.key().kind() != EntityKind.INVOICE || mapping.exactId() == null) {
            return Optional.empty();
        }
        String total = mapping.sentValues().get("totalInclVat");
        if (total == null) {
            return Optional.empty();
        }
        String credited = mapping.sentValues().get("creditedInvoiceId");
        return Optional.of(new BookedInvoice(mapping.key().crmId(), mapping.exactId().toLowerCase(),
                "credit-note".equals(mapping.sentValues().get("kind")),
                credited == null || credited.isBlank() ? null : credited, new BigDecimal(total),
                dueDate(mapping.sentValues().get("dueDate"))));
    }

    private static LocalDate dueDate(String text) {
        // Stored as Exact sent it (ISO date, possibly with a time); the date part is what counts.
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    /** The invoice whose payment status this document's payment term decides. */
    String statusOwner() {
        return creditNote && creditedInvoiceId != null ? creditedInvoiceId : invoiceId;
    }
}
