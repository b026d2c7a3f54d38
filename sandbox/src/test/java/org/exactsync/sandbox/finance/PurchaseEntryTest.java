package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.ExactFault;
import org.junit.jupiter.api.Test;

class PurchaseEntryTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final EntryEntitySet purchases = EntryEntitySet.purchaseEntries(FinanceOptions.defaults());
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());

    @Test
    void requiresSelectOnGet() {
        assertThat(purchases.spec().selectRequired()).isTrue();
        assertThat(purchases.spec().path()).isEqualTo("purchaseentry/PurchaseEntries");
    }

    @Test
    void booksCostsPositivePayableNegativeOnTheCostCenter() {
        UUID id = (UUID) purchases.create(fx.division, fx.purchaseEntry("SUP-1", "200.00", "P1234"), context)
                .get("EntryID");

        assertThat(hooks.transactionLines(fx.division, id))
                .extracting(r -> r.get("LineNumber"), r -> r.get("GLAccountCode"), r -> r.get("AmountDC"),
                        r -> r.get("CostCenter"), r -> r.get("Type"))
                .containsExactly(tuple(0, "1600", new BigDecimal("-242.00"), null, 30),
                        tuple(1, "4000", new BigDecimal("200.00"), "P1234", 30),
                        tuple(9999, "1510", new BigDecimal("42.00"), null, 30));
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow()).containsEntry("LineType", 22)
                .containsEntry("AmountDC", new BigDecimal("242.00")).containsEntry("Account", fx.supplier);
    }

    @Test
    void booksPurchaseCreditNoteNegativeAsType31() {
        UUID id = (UUID) hooks.bookPurchaseOnCostCenter(fx.division, "60", fx.supplier, fx.costs, "P2000",
                new BigDecimal("-50.00"), "2", LocalDate.of(2026, 11, 12), "SUP-CN-1").get("EntryID");

        assertThat(hooks.transactionLines(fx.division, id))
                .filteredOn(r -> Integer.valueOf(1).equals(r.get("LineNumber")))
                .extracting(r -> r.get("AmountDC"), r -> r.get("CostCenter"), r -> r.get("Type"))
                .containsExactly(tuple(new BigDecimal("-50.00"), "P2000", 31));
    }

    @Test
    void rejectsACustomerAsSupplier() {
        Map<String, Object> body = fx.purchaseEntry("SUP-1", "200.00", "P1234");
        body.put("Supplier", fx.customer.toString());
        assertThatThrownBy(() -> purchases.create(fx.division, body, context)).isInstanceOf(ExactFault.class)
                .hasMessage("Ongeldig: Leverancier (Type)");
    }

    @Test
    void rejectsASalesJournalOnAPurchaseEntry() {
        Map<String, Object> body = fx.purchaseEntry("SUP-1", "200.00", "P1234");
        body.put("Journal", "70");
        assertThatThrownBy(() -> purchases.create(fx.division, body, context)).hasMessage("Ongeldig: Dagboek (Type)");
    }

    @Test
    void publishesPurchaseEntries() {
        UUID id = (UUID) purchases.create(fx.division, fx.purchaseEntry("SUP-1", "1.00", null), context)
                .get("EntryID");
        assertThat(context.published).extracting(e -> e.topic(), e -> e.key())
                .contains(tuple("PurchaseEntries", id));
    }

    @Test
    void payingASupplierCreditsTheBankAndDebitsThePayable() {
        UUID id = (UUID) purchases.create(fx.division, fx.purchaseEntry("SUP-1", "100.00", null), context)
                .get("EntryID");
        PaymentResult result = hooks.payInFull(fx.division, id, LocalDate.of(2026, 11, 30));
        assertThat(hooks.transactionLines(fx.division, result.paymentEntryId()))
                .extracting(r -> r.get("GLAccountCode"), r -> r.get("AmountDC"))
                .containsExactly(tuple("1100", new BigDecimal("-121.00")), tuple("1600", new BigDecimal("121.00")));
        assertThat(hooks.paymentTerm(fx.division, id).orElseThrow()).containsEntry("IsFullyPaid", true);
    }
}
