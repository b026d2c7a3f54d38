package org.exactsync.flow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the CRM hears, through the sweep, for each thing that can happen to a booked invoice in Exact: money
 * ({@code invoice.payment-status-changed}) or a bookkeeper's change ({@code invoice.changed-in-exact}), never one
 * for the other. Invoices are 100.00 + 21% VAT = 121.00, booked over HTTP like the invoice flow books them.
 */
class EntryChangesAgainstSandboxTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 25);

    private PaymentFlowFixture fx;

    @BeforeEach
    void start() {
        fx = new PaymentFlowFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private UUID booked(String invoiceId) {
        UUID entry = UUID.fromString(fx.bookInvoice(invoiceId, "100.00"));
        fx.poll.sweep(fx.target);
        return entry;
    }

    @Test
    void aPaymentInFullIsPaid() {
        UUID entry = booked("inv-1");

        fx.finance.payInFull(PaymentFlowFixture.DIVISION, entry, PAID_ON);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "paid", "0.00", "121.00", "2026-11-25"));
        assertThat(fx.callbacks.entryChanges()).isEmpty();
    }

    @Test
    void aPartialPaymentIsPartiallyPaid() {
        UUID entry = booked("inv-1");

        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, entry, new BigDecimal("21.00"), PAID_ON);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "partially-paid", "100.00", "21.00", "2026-11-25"));
        assertThat(fx.callbacks.entryChanges()).isEmpty();
    }

    @Test
    void aCreditNoteIsCreditedWithoutAPaymentDate() {
        UUID invoice = booked("inv-1");
        UUID creditNote = UUID.fromString(fx.bookCreditNote("cn-1", "100.00", "inv-1"));
        fx.poll.sweep(fx.target);

        fx.finance.settleWithCreditNote(PaymentFlowFixture.DIVISION, invoice, creditNote, PAID_ON);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "credited", "0.00", "0.00", null));
        assertThat(fx.callbacks.entryChanges()).isEmpty();
    }

    @Test
    void theBookkeepersCorrectionTo90Plus1890IsAnAmountChangeAndNoPayment() {
        UUID entry = booked("inv-1");

        fx.finance.correctSalesLine(PaymentFlowFixture.DIVISION, entry, new BigDecimal("90.00"),
                new BigDecimal("18.90"));
        fx.poll.sweep(fx.target);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).containsExactly(new InvoiceChangedInExact("inv-1",
                PaymentFlowFixture.DIVISION, "amount", "121.00", "108.90", "108.90", dueDate(entry)));
    }

    @Test
    void aRaisedAmountIsAnAmountChangeAndNoPayment() {
        UUID entry = booked("inv-1");

        fx.finance.correctSalesLine(PaymentFlowFixture.DIVISION, entry, new BigDecimal("110.00"),
                new BigDecimal("23.10"));
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).containsExactly(new InvoiceChangedInExact("inv-1",
                PaymentFlowFixture.DIVISION, "amount", "121.00", "133.10", "133.10", dueDate(entry)));
    }

    @Test
    void aMovedDueDateIsReportedOnce() {
        UUID entry = booked("inv-1");

        fx.finance.changeSalesEntry(PaymentFlowFixture.DIVISION, entry, Map.of("DueDate", "2027-02-01"));
        fx.poll.sweep(fx.target);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).containsExactly(new InvoiceChangedInExact("inv-1",
                PaymentFlowFixture.DIVISION, "due-date", "121.00", "121.00", "121.00", "2027-02-01"));
    }

    @Test
    void aReversalIsReversedAndNeverAPayment() {
        UUID entry = booked("inv-1");

        fx.finance.changeSalesEntry(PaymentFlowFixture.DIVISION, entry, Map.of("Reversal", true));
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).extracting(InvoiceChangedInExact::change)
                .containsExactly("reversed");
    }

    @Test
    void aDeletedEntryIsDeletedThroughSyncDeletedAndNeverPaid() {
        UUID entry = booked("inv-1");

        fx.finance.deleteEntry(PaymentFlowFixture.DIVISION, entry);
        fx.poll.sweep(fx.target);
        // Within the hour the deletion log is not read again: the vanished term is no payment meanwhile.
        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).isEmpty();
        fx.clock.advance(OpenItemPoll.DELETED_INTERVAL);
        fx.poll.sweep(fx.target);
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).containsExactly(new InvoiceChangedInExact("inv-1",
                PaymentFlowFixture.DIVISION, "deleted", "121.00", null, null, null));
    }

    @Test
    void aPaymentThenACorrectionKeepsThePaymentAndReportsOnlyTheAmount() {
        UUID entry = booked("inv-1");
        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, entry, new BigDecimal("50.00"), PAID_ON);
        fx.poll.sweep(fx.target);

        fx.finance.correctSalesLine(PaymentFlowFixture.DIVISION, entry, new BigDecimal("90.00"),
                new BigDecimal("18.90"));
        fx.poll.sweep(fx.target);
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, entry, PAID_ON.plusDays(3));
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(
                new PaymentStatusChanged("inv-1", PaymentFlowFixture.DIVISION, "partially-paid", "71.00", "50.00",
                        "2026-11-25"),
                new PaymentStatusChanged("inv-1", PaymentFlowFixture.DIVISION, "paid", "0.00", "108.90",
                        "2026-11-28"));
        assertThat(fx.callbacks.entryChanges()).containsExactly(new InvoiceChangedInExact("inv-1",
                PaymentFlowFixture.DIVISION, "amount", "121.00", "108.90", "58.90", dueDate(entry)));
    }

    private String dueDate(UUID entry) {
        Object due = fx.finance.paymentTerm(PaymentFlowFixture.DIVISION, entry).orElseThrow().get("DueDate");
        // The sandbox keeps dates as midnight in Amsterdam, as Exact writes them.
        return LocalDate.ofInstant((java.time.Instant) due, java.time.ZoneId.of("Europe/Amsterdam")).toString();
    }
}
