package org.exactsync.mapping;

import java.time.LocalDate;

/**
 * A fully paid invoice, for the customer's average days to pay.
 *
 * @param invoiceDate the invoice's date
 * @param paidDate    Exact's last payment date (when it became fully paid)
 */
public record SettledReceivable(LocalDate invoiceDate, LocalDate paidDate) {
}
