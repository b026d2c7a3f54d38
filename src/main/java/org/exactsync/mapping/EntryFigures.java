package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entry's figures that the CRM knows or Exact shows, compared to tell a bookkeeper's change from a payment.
 *
 * @param total    total incl. VAT (magnitude, two decimals)
 * @param dueDate  the payment term's due date, or null when not known
 * @param reversed whether the entry is a reversal
 * @param deleted  whether the entry is gone from Exact
 */
public record EntryFigures(BigDecimal total, LocalDate dueDate, boolean reversed, boolean deleted) {

    public EntryFigures {
        total = Money.cents(total).abs();
    }

    /** What the CRM knows right after booking: its own total (and due date when it sent one). */
    public static EntryFigures booked(BigDecimal total, LocalDate dueDate) {
        return new EntryFigures(total, dueDate, false, false);
    }

    /** The same figures, deleted. */
    public EntryFigures asDeleted() {
        return new EntryFigures(total, dueDate, reversed, true);
    }
}
