package org.exactsync.flow.invoice;

import java.util.List;

/**
 * {@code invoice.booked} callback data (crm-contract.md).
 *
 * @param invoiceId   CRM invoice id
 * @param division    Exact division
 * @param entryId     Exact EntryID
 * @param entryNumber Exact EntryNumber
 * @param journal     sales journal code
 * @param glAccounts  GL account codes of the lines
 */
public record InvoiceBooked(String invoiceId, int division, String entryId, String entryNumber, String journal,
        List<String> glAccounts) {

    public static final String TYPE = "invoice.booked";
}
