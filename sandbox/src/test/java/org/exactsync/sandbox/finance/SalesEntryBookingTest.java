package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.master.MasterDataSeed;
import org.junit.jupiter.api.Test;

class SalesEntryBookingTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final EntryEntitySet sales = EntryEntitySet.salesEntries(FinanceOptions.defaults());
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void booksRevenueNegativeReceivablePositiveAndVatOnLine9999() {
        UUID id = (UUID) sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context).get("EntryID");

        List<Map<String, Object>> lines = hooks.transactionLines(fx.division, id);
        assertThat(lines).extracting(r -> r.get("LineNumber"), r -> r.get("GLAccountCode"), r -> r.get("AmountDC"))
                .containsExactly(
                        tuple(0, "1300", amount("121.00")),
                        tuple(1, "8000", amount("-100.00")),
                        tuple(9999, "1500", amount("-21.00")));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("Type")).isEqualTo(20);
            assertThat(line.get("FinancialYear")).isEqualTo(2026);
            assertThat(line.get("FinancialPeriod")).isEqualTo(11);
            assertThat(line.get("YourRef")).isEqualTo("INV-1");
            assertThat(line.get("Account")).isEqualTo(fx.customer);
            assertThat(line.get("Timestamp")).isInstanceOf(Long.class);
        });
        assertThat(lines.stream().map(r -> (BigDecimal) r.get("AmountDC")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("debit equals credit").isZero();
    }

    @Test
    void storesHeaderTotalsTypeStatusAndEmbeddedLines() {
        Map<String, Object> created = sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context);

        assertThat(created).containsEntry("AmountFC", amount("121.00")).containsEntry("AmountDC", amount("121.00"))
                .containsEntry("VATAmountFC", amount("21.00")).containsEntry("Type", 20)
                .containsEntry("Status", 20).containsEntry("Journal", "70")
                .containsEntry("ReportingYear", 2026).containsEntry("ReportingPeriod", 11);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) created.get("SalesEntryLines");
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("AmountFC", amount("100.00"))
                    .containsEntry("VATAmountFC", amount("21.00")).containsEntry("GLAccountCode", "8000");
            assertThat(line.get("ID")).isInstanceOf(UUID.class);
        });
    }

    @Test
    void keepsTheLineVatAmountTheCrmSent() {
        Map<String, Object> body = fx.salesEntry("INV-1", "33.33");
        firstLine(body).put("VATAmountFC", "7.01");
        Map<String, Object> created = sales.create(fx.division, body, context);
        assertThat(created.get("VATAmountFC")).isEqualTo(amount("7.01"));
    }

    @Test
    void roundsComputedVatPerLineHalfUp() {
        Map<String, Object> body = fx.salesEntry("INV-1", "10.50");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("SalesEntryLines");
        lines.add(FinanceFixture.line(fx.revenue, "10.50", "2"));
        Map<String, Object> created = sales.create(fx.division, body, context);
        // 10.50 × 0.21 = 2.205 → 2.21 per line, so 4.42 and not round(21.00 × 0.21) = 4.41
        assertThat(created.get("VATAmountFC")).isEqualTo(amount("4.42"));
    }

    @Test
    void assignsEntryNumbersFromTheJournalRange() {
        Map<String, Object> first = sales.create(fx.division, fx.salesEntry("INV-1", "1.00"), context);
        Map<String, Object> second = sales.create(fx.division, fx.salesEntry("INV-2", "1.00"), context);
        assertThat(first.get("EntryNumber")).isEqualTo(26700001);
        assertThat(second.get("EntryNumber")).isEqualTo(26700002);
        assertThat(second.get("InvoiceNumber")).isEqualTo(26700002);
    }

    @Test
    void startsTheNumberRangeAgainInANewYear() {
        sales.create(fx.division, fx.salesEntry("INV-1", "1.00"), context);
        Map<String, Object> body = fx.salesEntry("INV-2", "1.00");
        body.put("EntryDate", "2025-03-03T00:00:00");
        assertThat(sales.create(fx.division, body, context).get("EntryNumber")).isEqualTo(25700001);
    }

    @Test
    void keepsASuppliedEntryNumber() {
        Map<String, Object> body = fx.salesEntry("INV-1", "1.00");
        body.put("EntryNumber", 20260042);
        assertThat(sales.create(fx.division, body, context).get("EntryNumber")).isEqualTo(20260042);
    }

    @Test
    void derivesDueDateFromTheCustomersPaymentCondition() {
        Map<String, Object> created = sales.create(fx.division, fx.salesEntry("INV-1", "1.00"), context);
        assertThat(created.get("DueDate")).isEqualTo(FinanceFixture.day("2026-12-20"));
        assertThat(created.get("PaymentCondition")).isEqualTo("30");
    }

    @Test
    void prefersTheEntrysOwnPaymentConditionToTheCustomers() {
        Map<String, Object> body = fx.salesEntry("INV-1", "1.00");
        body.put("PaymentCondition", "14");
        Map<String, Object> created = sales.create(fx.division, body, context);
        assertThat(created.get("PaymentCondition")).isEqualTo("14");
        assertThat(created.get("DueDate")).isEqualTo(FinanceFixture.day("2026-12-04"));
    }

    @Test
    void appliesTheDivisionsDefaultConditionWhenTheCustomerHasNone() {
        fx.withoutPaymentCondition(fx.customer);
        MasterDataSeed.defaultPaymentCondition(fx.division, "14");
        Map<String, Object> created = sales.create(fx.division, fx.salesEntry("INV-1", "1.00"), context);
        assertThat(created.get("PaymentCondition")).isEqualTo("14");
        assertThat(created.get("DueDate")).isEqualTo(FinanceFixture.day("2026-12-04"));
    }

    @Test
    void keepsASentDueDateAndStoresTheConditionApplied() {
        Map<String, Object> body = fx.salesEntry("INV-1", "1.00");
        body.put("DueDate", "2026-12-31T00:00:00");
        Map<String, Object> created = sales.create(fx.division, body, context);
        assertThat(created.get("DueDate")).isEqualTo(FinanceFixture.day("2026-12-31"));
        assertThat(created.get("PaymentCondition")).isEqualTo("30");
    }

    @Test
    void booksAPurchaseEntryWithoutAnyConditionDueOnItsDate() {
        fx.withoutPaymentCondition(fx.supplier);
        Map<String, Object> created = EntryEntitySet.purchaseEntries(FinanceOptions.defaults())
                .create(fx.division, fx.purchaseEntry("P-1", "10.00", null), context);
        assertThat(created.get("PaymentCondition")).isNull();
        assertThat(created.get("DueDate")).isEqualTo(FinanceFixture.day("2026-11-10"));
    }

    @Test
    void booksCreditNoteWithNegativeAmountsAsType21WithFlippedSigns() {
        Map<String, Object> body = fx.salesEntry("CN-1", "-100.00");
        body.put("Type", 21);
        UUID id = (UUID) sales.create(fx.division, body, context).get("EntryID");

        assertThat(hooks.entry(fx.division, id).orElseThrow()).containsEntry("Type", 21)
                .containsEntry("AmountFC", amount("-121.00"));
        assertThat(hooks.transactionLines(fx.division, id))
                .extracting(r -> r.get("LineNumber"), r -> r.get("AmountDC"), r -> r.get("Type"))
                .containsExactly(tuple(0, amount("-121.00"), 21), tuple(1, amount("100.00"), 21),
                        tuple(9999, amount("21.00"), 21));
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow())
                .containsEntry("TransactionAmountDC", amount("-121.00")).containsEntry("AmountDC", amount("121.00"));
    }

    @Test
    void treatsANegativeTotalAsCreditNoteEvenWithoutType() {
        Map<String, Object> created = sales.create(fx.division, fx.salesEntry("CN-1", "-10.00"), context);
        assertThat(created.get("Type")).isEqualTo(21);
    }

    @Test
    void createsAnOpenReceivablePaymentTermLinkedToTheEntry() {
        Map<String, Object> created = sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context);
        UUID id = (UUID) created.get("EntryID");

        Map<String, Object> term = hooks.paymentTerm(fx.division, id).orElseThrow();
        assertThat(term).containsEntry("TransactionEntryID", id).containsEntry("LineType", 20)
                .containsEntry("AmountDC", amount("-121.00")).containsEntry("TransactionAmountDC", amount("121.00"))
                .containsEntry("IsFullyPaid", false).containsEntry("Status", 20).containsEntry("YourRef", "INV-1")
                .containsEntry("InvoiceNumber", created.get("EntryNumber"))
                .containsEntry("EntryNumber", created.get("EntryNumber")).containsEntry("Account", fx.customer)
                .containsEntry("DueDate", FinanceFixture.day("2026-12-20")).containsEntry("LastPaymentDate", null)
                .containsEntry("GLAccountCode", "1300");
        assertThat(term.get("Timestamp")).isInstanceOf(Long.class);
    }

    @Test
    void showsTheOpenAmountPositiveWhenConfiguredSo() {
        FinanceOptions positive = FinanceOptions.defaults().withReceivableOwedNegative(false);
        EntryEntitySet set = EntryEntitySet.salesEntries(positive);
        UUID id = (UUID) set.create(fx.division, fx.salesEntry("INV-1", "100.00"), context).get("EntryID");
        assertThat(new FinanceHooks(context, positive).paymentTerm(fx.division, id).orElseThrow())
                .containsEntry("AmountDC", amount("121.00"));
    }

    @Test
    void publishesSalesEntriesAndFinancialTransactionsOnCreate() {
        UUID id = (UUID) sales.create(fx.division, fx.salesEntry("INV-1", "100.00"), context).get("EntryID");
        assertThat(context.published).extracting(e -> e.topic(), e -> e.key(), e -> e.action(), e -> e.division())
                .containsExactly(tuple("SalesEntries", id, "Create", FinanceFixture.DIVISION),
                        tuple("FinancialTransactions", id, "Create", FinanceFixture.DIVISION));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("SalesEntryLines")).get(0);
    }
}
