package org.exactsync.mapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the connector booked for one CRM invoice, as its INVOICE mapping remembers it: the reference a
 * reconciliation compares Exact's entry with.
 *
 * @param invoiceId    CRM invoice id
 * @param entryId      Exact EntryID (lower-case GUID text)
 * @param accountId    the customer's Exact account GUID (lower-case text)
 * @param totalExclVat the CRM's total excluding VAT
 * @param totalVat     the CRM's VAT total
 * @param glAccounts   the GL account codes the lines were booked on (distinct)
 */
public record BookedInvoice(String invoiceId, String entryId, String accountId, BigDecimal totalExclVat,
        BigDecimal totalVat, List<String> glAccounts) {

    public BookedInvoice {
        glAccounts = List.copyOf(glAccounts);
    }
}
