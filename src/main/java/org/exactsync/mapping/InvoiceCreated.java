package org.exactsync.mapping;

import java.util.List;

/**
 * The {@code data} of an {@code invoice.created} event (crm-contract.md). Dates are ISO {@code YYYY-MM-DD} strings and
 * amounts decimal strings, both checked by {@link InvoiceValidator} before the record is bound.
 *
 * @param id                CRM invoice id: the key of the booking (one Exact entry per id and division)
 * @param number            the CRM's invoice number, sent to Exact as {@code YourRef} and used to find the entry
 * @param kind              {@code invoice} or {@code credit-note}
 * @param creditedInvoiceId for a credit note, the CRM id of the invoice it credits, when known
 * @param relationId        the CRM relation (customer) the invoice is for
 * @param date              invoice date (Exact's entry date)
 * @param dueDate           due date
 * @param currency          ISO 4217 code
 * @param description       header text
 * @param lines             at least one line
 * @param totalExclVat      sum of the line amounts
 * @param totalVat          sum of the line VAT amounts
 * @param totalInclVat      totalExclVat + totalVat
 * @param pdfUrl            the CRM's PDF (not sent to Exact yet)
 */
public record InvoiceCreated(String id, String number, String kind, String creditedInvoiceId, String relationId,
        String date, String dueDate, String currency, String description, List<InvoiceLine> lines,
        String totalExclVat, String totalVat, String totalInclVat, String pdfUrl) {

    public static final String INVOICE = "invoice";
    public static final String CREDIT_NOTE = "credit-note";

    public InvoiceCreated {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public boolean isCreditNote() {
        return CREDIT_NOTE.equals(kind);
    }
}
