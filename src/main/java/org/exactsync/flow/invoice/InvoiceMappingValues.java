package org.exactsync.flow.invoice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.SalesEntryDraft;

/**
 * The {@code sentValues} of an INVOICE mapping: a convention other flows read (the payment-status poll finds booked
 * invoices by it), so the names and formats here are fixed. {@code exactId} is the entry's EntryID (null while
 * claimed), {@code exactCode} its EntryNumber. The key names are public so readers of booked invoices share them.
 */
public final class InvoiceMappingValues {

    public static final String STATE = "state";
    public static final String CLAIMED = "claimed";
    public static final String BOOKED = "booked";
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
    public static final String CLAIMED_BY = "claimedBy";
    public static final String CLAIMED_UNTIL = "claimedUntil";

    private InvoiceMappingValues() {
    }

    /** What a claim records: the booking as planned, who claims it and until when. */
    static Map<String, String> claimed(InvoiceCreated invoice, SalesEntryDraft draft, String eventId, Instant until) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(STATE, CLAIMED);
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
        values.put(CLAIMED_BY, eventId);
        values.put(CLAIMED_UNTIL, until.toString());
        return values;
    }

    /** The same values with a new lease (a takeover, or {@code until} = now to give the claim up). */
    static Map<String, String> leased(Map<String, String> values, String eventId, Instant until) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(CLAIMED_BY, eventId);
        copy.put(CLAIMED_UNTIL, until.toString());
        return copy;
    }

    /** The values once Exact holds the entry; the due date is Exact's when the CRM sent none. */
    static Map<String, String> booked(Map<String, String> claimed, String dueDate) {
        Map<String, String> copy = new LinkedHashMap<>(claimed);
        copy.put(STATE, BOOKED);
        if (dueDate != null) {
            copy.put(DUE_DATE, dueDate);
        }
        return copy;
    }

    public static boolean isBooked(Map<String, String> values) {
        return BOOKED.equals(values.get(STATE));
    }

    static Instant claimedUntil(Map<String, String> values) {
        String until = values.get(CLAIMED_UNTIL);
        return until == null ? Instant.EPOCH : Instant.parse(until);
    }

    static UUID accountId(Map<String, String> values) {
        return UUID.fromString(values.get(ACCOUNT_ID));
    }
}
