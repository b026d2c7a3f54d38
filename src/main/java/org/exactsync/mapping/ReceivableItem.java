package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open payment term of a customer.
 *
 * @param open        what is still owed: positive for an invoice, negative for an open credit note
 * @param invoiceDate the document's date (ageing counts from it)
 * @param dueDate     when it was due (overdue after it), or null when Exact gave none
 */
public record ReceivableItem(BigDecimal open, LocalDate invoiceDate, LocalDate dueDate) {
}
