package org.exactsync.mapping;

/**
 * One difference between a booked invoice and its entry in Exact. Values are amounts, GUIDs and GL codes only:
 * nothing personal.
 *
 * @param invoiceId CRM invoice id
 * @param entryId   Exact EntryID
 * @param kind      {@code deleted}, {@code amount-changed}, {@code vat-changed}, {@code account-changed} or
 *                  {@code gl-changed}
 * @param booked    what the connector booked (null for {@code deleted})
 * @param exact     what Exact holds now (null for {@code deleted})
 */
public record InvoiceDrift(String invoiceId, String entryId, String kind, String booked, String exact) {

    public static final String DELETED = "deleted";
    public static final String AMOUNT_CHANGED = "amount-changed";
    public static final String VAT_CHANGED = "vat-changed";
    public static final String ACCOUNT_CHANGED = "account-changed";
    public static final String GL_CHANGED = "gl-changed";
}
