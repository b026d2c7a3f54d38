package org.exactsync.mapping;

import java.math.BigDecimal;

/**
 * A customer's open receivables in one division: the report a CRM shows next to the customer.
 *
 * @param totalOpen        sum of everything still owed (open credit notes subtract)
 * @param overdue          the part of {@code totalOpen} whose due date has passed
 * @param days0to30        open amount of documents 0-30 days old (by document date)
 * @param days31to60       31-60 days old
 * @param days61to90       61-90 days old
 * @param over90           older than 90 days
 * @param openItems        number of open payment terms
 * @param averageDaysToPay mean days from document date to full payment over the settled invoices given, or null
 *                         when there were none
 */
public record ReceivablesSummary(BigDecimal totalOpen, BigDecimal overdue, BigDecimal days0to30,
        BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90, int openItems, BigDecimal averageDaysToPay) {
}
