package org.exactsync.mapping;

/**
 * One line of a CRM invoice as the contract sends it. Amounts stay the CRM's decimal strings (at most 2 decimals,
 * checked by {@link InvoiceValidator}) so that what is stored for reconciliation is exactly what the CRM said.
 *
 * @param description    line text
 * @param revenueAccount the CRM's revenue category, mapped per division to a GL account
 * @param amount         amount excluding VAT (negative on a credit note)
 * @param vatRate        percentage as a decimal string, e.g. {@code "21"}
 * @param vatCategory    standard, reduced, zero, exempt, reverse-charge, intra-eu or export
 * @param vatAmount      the CRM's own VAT of this line, booked as sent
 * @param projectId      CRM project whose cost center the line gets, or null
 */
public record InvoiceLine(String description, String revenueAccount, String amount, String vatRate,
        String vatCategory, String vatAmount, String projectId) {
}
