package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Turns what Exact shows about one invoice's payment term into the contract's status. Pure: every input is what Exact
 * shows now (the term's current total, open amount, credit-note settlements, last date), never what the connector
 * booked: a bookkeeper lowering the total in Exact settles nothing, so it must not read as a payment.
 *
 * <p>Rules (docs/payment-status.md): nothing open and nothing paid but credits applied → {@code credited}; nothing
 * open otherwise → {@code paid}; something open and something paid → {@code partially-paid}; something open and
 * nothing paid → {@code open} (a partial credit note lowers the open amount without making it a payment).
 */
public final class PaymentStatusRule {

    private PaymentStatusRule() {
    }

    /**
     * @param total           the term's current total incl. VAT in Exact ({@code TransactionAmountDC}; any sign, its
     *                        magnitude is used)
     * @param open            the open amount observed in Exact (magnitude), or null when never observed (= total)
     * @param creditApplied   what matched credit notes settled on it (magnitude; zero when none)
     * @param lastPaymentDate Exact's {@code LastPaymentDate}, or null; passed on only when something was paid
     */
    public static PaymentStatus statusOf(BigDecimal total, BigDecimal open, BigDecimal creditApplied,
            LocalDate lastPaymentDate) {
        BigDecimal whole = Money.cents(total).abs();
        BigDecimal stillOpen = open == null ? whole : Money.cents(open).abs().min(whole);
        BigDecimal credited = Money.cents(creditApplied).abs().min(whole.subtract(stillOpen));
        BigDecimal paid = whole.subtract(stillOpen).subtract(credited).max(BigDecimal.ZERO);
        InvoicePaymentStatus status;
        if (stillOpen.signum() == 0) {
            status = paid.signum() == 0 && credited.signum() > 0 ? InvoicePaymentStatus.CREDITED
                    : InvoicePaymentStatus.PAID;
        } else {
            status = paid.signum() > 0 ? InvoicePaymentStatus.PARTIALLY_PAID : InvoicePaymentStatus.OPEN;
        }
        // A matching date without money is not a payment date: the CRM hears a date only with a payment.
        return new PaymentStatus(status, stillOpen, paid, paid.signum() > 0 ? lastPaymentDate : null);
    }

    /**
     * Whether {@code now} tells the CRM about money that {@code known} did not: another status, paid amount or payment
     * date, or another settled amount (total minus open, so a credit note's settlement counts). An open amount that
     * moved only because the total moved (a bookkeeper's correction) is not payment news.
     *
     * @param known      the status last sent (or the booking position)
     * @param knownTotal the Exact total that status was computed with
     * @param now        the status from what Exact shows now
     * @param nowTotal   the Exact total {@code now} was computed with
     */
    public static boolean isPaymentNews(PaymentStatus known, BigDecimal knownTotal, PaymentStatus now,
            BigDecimal nowTotal) {
        BigDecimal settledBefore = Money.cents(knownTotal).abs().subtract(known.openAmount());
        BigDecimal settledNow = Money.cents(nowTotal).abs().subtract(now.openAmount());
        return known.status() != now.status() || known.paidAmount().compareTo(now.paidAmount()) != 0
                || !java.util.Objects.equals(known.lastPaymentDate(), now.lastPaymentDate())
                || settledBefore.compareTo(settledNow) != 0;
    }

    /**
     * The open magnitude of a payment term, whichever sign Exact uses for "still owed" (docs/exact-reference.md §5.13 says
     * negative while owed, UNCONFIRMED): a fully paid term is 0, otherwise the magnitude of {@code AmountDC}.
     */
    public static BigDecimal openOf(BigDecimal amountDc, Boolean fullyPaid) {
        if (Boolean.TRUE.equals(fullyPaid) || amountDc == null) {
            return Money.cents(BigDecimal.ZERO);
        }
        return Money.cents(amountDc).abs();
    }

    /** What a credit note has settled so far: its total's magnitude minus what is still open on it. */
    public static BigDecimal settledOf(BigDecimal total, BigDecimal open) {
        BigDecimal whole = Money.cents(total).abs();
        return whole.subtract(Money.cents(open).abs().min(whole));
    }
}
