package org.exactsync.flow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exactsync.store.PaymentStateKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduled sweep against the sandbox: payments, credit notes, nothing new, a division move. */
class OpenItemPollAgainstSandboxTest {

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

    @Test
    void firstPollInitialisesTheCursorAndReportsNothingForInvoicesThatAreStillOpen() {
        fx.bookInvoice("inv-1", "1000.00");
        fx.bookInvoice("inv-2", "50.00");

        DivisionPollResult first = fx.poll.sweep(fx.target);

        assertThat(first.fullRead()).isTrue();
        assertThat(first.changes()).isEqualTo(2);
        assertThat(first.callbacks()).isZero();
        assertThat(fx.cursors.find(fx.cursorKey())).isPresent();
        assertThat(fx.callbacks.all()).isEmpty();
        // Untouched invoices cost no state writes either.
        assertThat(fx.states.find(new PaymentStateKey(PaymentFlowFixture.TENANT, PaymentFlowFixture.DIVISION,
                "inv-1"))).isEmpty();
    }

    @Test
    void aPartialPaymentIsPartiallyPaidAndTheRestMakesItPaid() {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);

        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("500.00"),
                PAID_ON);
        DivisionPollResult partial = fx.poll.sweep(fx.target);

        assertThat(partial.fullRead()).isFalse();
        assertThat(partial.callbacks()).isEqualTo(1);
        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "partially-paid", "710.00", "500.00", "2026-11-25"));
        assertThat(fx.callbacks.all().get(0).entityKey()).isEqualTo("invoice:inv-1");

        fx.callbacks.clear();
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(entry), PAID_ON.plusDays(2));
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "paid", "0.00", "1210.00", "2026-11-27"));
    }

    @Test
    void aCreditNoteSettlingTheInvoiceMakesItCreditedAndTheCreditNoteIsNotReportedOnItsOwn() {
        String invoice = fx.bookInvoice("inv-1", "100.00");
        String creditNote = fx.bookCreditNote("cn-1", "100.00", "inv-1");
        fx.poll.sweep(fx.target);

        fx.finance.settleWithCreditNote(PaymentFlowFixture.DIVISION, UUID.fromString(invoice),
                UUID.fromString(creditNote), PAID_ON);
        DivisionPollResult result = fx.poll.sweep(fx.target);

        assertThat(result.callbacks()).isEqualTo(1);
        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "credited", "0.00", "0.00", null));
    }

    @Test
    void aPartialCreditNoteAndAPaymentOfTheRestMakeItPaidWithOnlyThePaymentAsPaidAmount() {
        String invoice = fx.bookInvoice("inv-1", "100.00");
        String creditNote = fx.bookCreditNote("cn-1", "20.00", "inv-1");
        fx.poll.sweep(fx.target);

        fx.finance.settleWithCreditNote(PaymentFlowFixture.DIVISION, UUID.fromString(invoice),
                UUID.fromString(creditNote), PAID_ON);
        fx.poll.sweep(fx.target);
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(invoice), PAID_ON.plusDays(1));
        fx.poll.sweep(fx.target);

        assertThat(fx.callbacks.statusChanges()).containsExactly(
                new PaymentStatusChanged("inv-1", PaymentFlowFixture.DIVISION, "open", "96.80", "0.00", null),
                new PaymentStatusChanged("inv-1", PaymentFlowFixture.DIVISION, "paid", "0.00", "96.80",
                        "2026-11-26"));
    }

    @Test
    void aSweepWithNothingNewSendsNoCallbackAndCostsTwoCallsThreeOnceAnHour() {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);
        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("10.00"),
                PAID_ON);
        fx.poll.sweep(fx.target);
        fx.callbacks.clear();

        int before = fx.calls();
        DivisionPollResult idle = fx.poll.sweep(fx.target);

        assertThat(idle.changes()).isZero();
        assertThat(idle.callbacks()).isZero();
        assertThat(fx.callbacks.all()).isEmpty();
        // The move check and the payment terms; the deleted terms once an hour only.
        assertThat(fx.calls() - before).isEqualTo(2);
        fx.clock.advance(OpenItemPoll.DELETED_INTERVAL);
        int hourly = fx.calls();
        fx.poll.sweep(fx.target);
        assertThat(fx.calls() - hourly).as("the hourly sweep also reads sync/Deleted").isEqualTo(3);
    }

    @Test
    void pollAllCoversEveryLiveConnectionDivision() {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.pollAll();
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(entry), PAID_ON);
        fx.clock.advance(PaymentFlowFixture.TIMING.sweepInterval());

        PollReport report = fx.poll.pollAll();

        assertThat(report.divisions()).isEqualTo(1);
        assertThat(report.callbacks()).isEqualTo(1);
        assertThat(report.resyncs()).isZero();
        assertThat(report.failed()).isEmpty();
    }

    @Test
    void aDivisionMoveResetsTheCursorAndReadsEverythingAgainWithoutRepeatingCallbacks() {
        String paid = fx.bookInvoice("inv-1", "1000.00");
        String later = fx.bookInvoice("inv-2", "200.00");
        fx.poll.sweep(fx.target);
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(paid), PAID_ON);
        fx.poll.sweep(fx.target);
        fx.callbacks.clear();

        fx.finance.moveDivision(PaymentFlowFixture.DIVISION, Instant.parse("2026-11-26T09:00:00Z"));
        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(later), new BigDecimal("42.00"),
                PAID_ON);
        DivisionPollResult resync = fx.poll.sweep(fx.target);

        assertThat(resync.fullRead()).isTrue();
        assertThat(resync.changes()).isEqualTo(2);
        assertThat(fx.callbacks.statusChanges()).extracting(PaymentStatusChanged::invoiceId)
                .containsExactly("inv-2");
        assertThat(fx.poll.sweep(fx.target).fullRead()).isFalse();
    }
}
