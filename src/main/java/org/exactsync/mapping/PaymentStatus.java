package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice's payment position as the CRM is told it. Amounts are positive magnitudes with two decimals, also for a
 * credit note (the CRM knows the document's sign from its own {@code kind}).
 *
 * @param status          open, partially paid, paid or credited
 * @param openAmount      still to be received
 * @param paidAmount      received by payments (not by credit notes)
 * @param lastPaymentDate Exact's last payment (or matching) date, or null when nothing was settled yet
 */
public record PaymentStatus(InvoicePaymentStatus status, BigDecimal openAmount, BigDecimal paidAmount,
        LocalDate lastPaymentDate) {

    public PaymentStatus {
        Objects.requireNonNull(status, "status");
        openAmount = Money.cents(openAmount);
        paidAmount = Money.cents(paidAmount);
    }

    /** The position right after booking, which the CRM already knows: everything open, nothing paid. */
    public static PaymentStatus unpaid(BigDecimal total) {
        return new PaymentStatus(InvoicePaymentStatus.OPEN, total.abs(), BigDecimal.ZERO, null);
    }

    /** Same status, amounts (compared by value, not scale) and date: nothing the CRM needs to hear about. */
    public boolean sameAs(PaymentStatus other) {
        return other != null && status == other.status && openAmount.compareTo(other.openAmount) == 0
                && paidAmount.compareTo(other.paidAmount) == 0 && Objects.equals(lastPaymentDate,
                        other.lastPaymentDate);
    }
}
