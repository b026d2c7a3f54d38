package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PaymentHooksTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final FinanceOptions options = FinanceOptions.defaults();
    private final FinanceHooks hooks = new FinanceHooks(context, options);
    private final FinanceViews views = new FinanceViews(options);

    private UUID invoice(String yourRef, String amount) {
        return (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry(yourRef, amount)).get("EntryID");
    }

    private List<Map<String, Object>> receivablesList() {
        return views.receivablesList().list(fx.division, context);
    }

    @Test
    void partialPaymentReducesTheOpenAmountAndKeepsTheItemOpen() {
        UUID id = invoice("INV-1", "100.00");
        long before = (Long) hooks.paymentTerm(fx.division, id).orElseThrow().get("Timestamp");

        PaymentResult result = hooks.registerPayment(fx.division, id, new BigDecimal("21.00"),
                LocalDate.of(2026, 11, 25));

        assertThat(result.remaining()).isEqualByComparingTo("100.00");
        assertThat(result.fullyPaid()).isFalse();
        Map<String, Object> term = hooks.paymentTerm(fx.division, id).orElseThrow();
        assertThat(term).containsEntry("AmountDC", new BigDecimal("-100.00")).containsEntry("IsFullyPaid", false)
                .containsEntry("Status", 20).containsEntry("LastPaymentDate", FinanceFixture.day("2026-11-25"));
        assertThat((Long) term.get("Timestamp")).isGreaterThan(before);
        assertThat(receivablesList()).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("Amount", new BigDecimal("100.00"))
                        .containsEntry("YourRef", "INV-1"));
    }

    @Test
    void fullPaymentMatchesTheTermAndRemovesItFromTheReceivablesList() {
        UUID paid = invoice("INV-1", "100.00");
        invoice("INV-2", "50.00");

        PaymentResult result = hooks.payInFull(fx.division, paid, LocalDate.of(2026, 12, 3));

        assertThat(result.fullyPaid()).isTrue();
        assertThat(hooks.paymentTerm(fx.division, paid).orElseThrow()).containsEntry("IsFullyPaid", true)
                .containsEntry("Status", 50).containsEntry("AmountDC", new BigDecimal("0.00"))
                .containsEntry("EndYear", 2026).containsEntry("EndPeriod", 12);
        assertThat(receivablesList()).extracting(r -> r.get("YourRef")).containsExactly("INV-2");
    }

    @Test
    void paymentBooksBankDebitAndReceivableCreditAsCashFlowEntry() {
        UUID id = invoice("INV-1", "100.00");
        PaymentResult result = hooks.registerPaymentByYourRef(fx.division, "INV-1", new BigDecimal("121.00"),
                LocalDate.of(2026, 11, 30));

        assertThat(hooks.transactionLines(fx.division, result.paymentEntryId()))
                .extracting(r -> r.get("GLAccountCode"), r -> r.get("AmountDC"), r -> r.get("Type"),
                        r -> r.get("JournalCode"), r -> r.get("YourRef"))
                .containsExactly(tuple("1100", new BigDecimal("121.00"), 40, "20", "INV-1"),
                        tuple("1300", new BigDecimal("-121.00"), 40, "20", "INV-1"));
        assertThat(result.paymentEntryId()).isNotEqualTo(id);
        assertThat(context.published).last().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("FinancialTransactions");
            assertThat(e.key()).isEqualTo(result.paymentEntryId());
        });
    }

    @Test
    void paymentByYourRefPicksTheOpenEntryOverAPaidOne() {
        UUID paid = invoice("INV-1", "10.00");
        hooks.payInFull(fx.division, paid, LocalDate.of(2026, 11, 21));
        UUID open = invoice("INV-1", "20.00");

        hooks.registerPaymentByYourRef(fx.division, "INV-1", new BigDecimal("5.00"), LocalDate.of(2026, 11, 22));

        assertThat(hooks.paymentTerm(fx.division, open).orElseThrow())
                .containsEntry("AmountDC", new BigDecimal("-19.20"));
    }

    @Test
    void refusesAPaymentAboveTheOpenAmount() {
        UUID id = invoice("INV-1", "100.00");
        assertThatThrownBy(() -> hooks.registerPayment(fx.division, id, new BigDecimal("121.01"),
                LocalDate.of(2026, 11, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow()).containsEntry("IsFullyPaid", false);
    }

    @Test
    void creditNoteSettlesTheInvoiceAndBothLeaveTheReceivablesList() {
        UUID invoice = invoice("INV-1", "100.00");
        Map<String, Object> creditBody = fx.salesEntry("CN-1", "-100.00");
        creditBody.put("Type", 21);
        UUID credit = (UUID) hooks.bookSalesEntry(fx.division, creditBody).get("EntryID");
        assertThat(receivablesList()).extracting(r -> r.get("Amount"))
                .containsExactlyInAnyOrder(new BigDecimal("121.00"), new BigDecimal("-121.00"));

        BigDecimal left = hooks.settleWithCreditNote(fx.division, invoice, credit, LocalDate.of(2026, 11, 28));

        assertThat(left).isEqualByComparingTo("0");
        assertThat(hooks.paymentTerm(fx.division, invoice).orElseThrow()).containsEntry("Status", 50)
                .containsEntry("IsFullyPaid", true);
        assertThat(hooks.paymentTerm(fx.division, credit).orElseThrow()).containsEntry("Status", 50)
                .containsEntry("IsFullyPaid", true);
        assertThat(receivablesList()).isEmpty();
    }

    @Test
    void partialCreditNoteLeavesTheRestOfTheInvoiceOpen() {
        UUID invoice = invoice("INV-1", "100.00");
        UUID credit = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("CN-1", "-40.00")).get("EntryID");

        BigDecimal left = hooks.settleWithCreditNote(fx.division, invoice, credit, LocalDate.of(2026, 11, 28));

        assertThat(left).isEqualByComparingTo("72.60");
        assertThat(receivablesList()).extracting(r -> r.get("YourRef"), r -> r.get("Amount"))
                .containsExactly(tuple("INV-1", new BigDecimal("72.60")));
    }
}
