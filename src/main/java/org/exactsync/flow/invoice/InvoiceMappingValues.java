package org.exactsync.flow.invoice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.store.MappingRecord;

/**
 * The {@code sentValues} of an INVOICE mapping: what was (or is about to be) booked, a convention other flows read
 * (the payment-status poll, the reconciliation), so the names and formats here are fixed. {@code exactId} is the
 * entry's EntryID (null while claimed: a booked invoice is one with an Exact id), {@code exactCode} its EntryNumber.
 * The claim itself is the write protocol's typed state, not a value here. The key names are public so readers of
 * booked invoices share them.
 */
public final class InvoiceMappingValues {

    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String JOURNAL = "journal";
    public static final String KIND = "kind";
    public static final String CREDITED_INVOICE_ID = "creditedInvoiceId";
    public static final String RELATION_ID = "relationId";
    public static final String ACCOUNT_ID = "accountId";
    public static final String CURRENCY = "currency";
    public static final String TOTAL_EXCL_VAT = "totalExclVat";
    public static final String TOTAL_VAT = "totalVat";
    public static final String TOTAL_INCL_VAT = "totalInclVat";
    public static final String ENTRY_DATE = "entryDate";
    public static final String DUE_DATE = "dueDate";
    public static final String GL_ACCOUNTS = "glAccounts";

    private InvoiceMappingValues() {
    }

    /** What a claim records: the booking as planned. */
    static Map<String, String> planned(InvoiceCreated invoice, SalesEntryDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(INVOICE_NUMBER, invoice.number());
        values.put(JOURNAL, draft.journal());
        values.put(KIND, invoice.kind());
        if (invoice.creditedInvoiceId() != null) {
            values.put(CREDITED_INVOICE_ID, invoice.creditedInvoiceId());
        }
        values.put(RELATION_ID, invoice.relationId());
        values.put(ACCOUNT_ID, draft.customer().toString());
        values.put(CURRENCY, invoice.currency());
        values.put(TOTAL_EXCL_VAT, invoice.totalExclVat());
        values.put(TOTAL_VAT, invoice.totalVat());
        values.put(TOTAL_INCL_VAT, invoice.totalInclVat());
        values.put(ENTRY_DATE, draft.entryDate().toString());
        if (draft.dueDate() != null) {
            values.put(DUE_DATE, draft.dueDate().toString());
        }
        values.put(GL_ACCOUNTS, String.join(",", draft.glAccountCodes()));
        return values;
    }

    /** The values once Exact holds the entry; the due date is Exact's when the CRM sent none. */
    static Map<String, String> booked(Map<String, String> claimed, String dueDate) {
        Map<String, String> copy = new LinkedHashMap<>(claimed);
        if (dueDate != null) {
            copy.put(DUE_DATE, dueDate);
        }
        return copy;
    }

    /** A booked invoice's mapping holds the entry's id; a claim has none. */
    public static boolean isBooked(MappingRecord mapping) {
        return mapping.exactId() != null;
    }

    static UUID accountId(Map<String, String> values) {
        return UUID.fromString(values.get(ACCOUNT_ID));
    }
}
