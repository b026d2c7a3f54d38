package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One receivable (an open or settled payment term of a sales entry) of a relation.
 *
 * @param amountDc            open amount in the division's currency, sign as Exact sends it
 * @param transactionAmountDc the entry's total; negative for a credit note
 * @param fullyPaid           null when not selected
 * @param lastPaymentDate     null when not selected or never paid
 */
public record Receivable(BigDecimal amountDc, BigDecimal transactionAmountDc, LocalDate invoiceDate,
        LocalDate dueDate, Boolean fullyPaid, LocalDate lastPaymentDate) {
}
