package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.junit.jupiter.api.Test;

class FinanceViewsTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final FinanceHooks hooks = new FinanceHooks(context, FinanceOptions.defaults());
    private final FinanceViews views = new FinanceViews(FinanceOptions.defaults());

    @Test
    void syncEndpointsPageThousandRowsKeyedByInt64TimestampWithTimestampFilterOnly() {
        for (EndpointSpec spec : List.of(views.syncTransactionLines().spec(), views.syncPaymentTerms().spec(),
                views.syncDeleted().spec())) {
            assertThat(spec.pageSize()).as(spec.path()).isEqualTo(1000);
            assertThat(spec.keyField()).as(spec.path()).isEqualTo("Timestamp");
            assertThat(spec.keyKind()).as(spec.path()).isEqualTo(KeyKind.INT64);
            assertThat(spec.timestampFilterOnly()).as(spec.path()).isTrue();
            assertThat(spec.methods()).as(spec.path()).containsExactly("GET");
        }
    }

    @Test
    void bulkTransactionLinesPageThousandAndRequireSelect() {
        EndpointSpec spec = views.bulkTransactionLines().spec();
        assertThat(spec.pageSize()).isEqualTo(1000);
        assertThat(spec.selectRequired()).isTrue();
        assertThat(spec.path()).isEqualTo("bulk/Financial/TransactionLines");
    }

    @Test
    void normalTransactionLinesAndReceivablesPageSixtyAndReceivablesRequireSelect() {
        assertThat(views.transactionLines().spec().pageSize()).isEqualTo(60);
        assertThat(views.transactionLines().spec().selectRequired()).isFalse();
        assertThat(views.receivables().spec().pageSize()).isEqualTo(60);
        assertThat(views.receivables().spec().selectRequired()).isTrue();
        assertThat(views.receivablesList().spec().keyField()).isEqualTo("HID");
        assertThat(views.receivablesList().spec().keyKind()).isEqualTo(KeyKind.INT64);
    }

    @Test
    void viewsRefuseWrites() {
        assertThatThrownBy(() -> views.syncTransactionLines().create(fx.division, Map.of(), context))
                .isInstanceOfSatisfying(ExactFault.class, f -> assertThat(f.status()).isEqualTo(405));
    }

    @Test
    void syncTransactionLinesComeInRowversionOrderAndOnlyTheyShowTimestamp() {
        UUID first = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00")).get("EntryID");
        hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-2", "20.00"));
        hooks.registerPayment(fx.division, first, new BigDecimal("5.00"), LocalDate.of(2026, 11, 27));

        List<Map<String, Object>> sync = views.syncTransactionLines().list(fx.division, context);
        assertThat(sync).hasSize(8);
        assertThat(sync).extracting(r -> (Long) r.get("Timestamp")).isSorted().doesNotHaveDuplicates();
        assertThat(views.transactionLines().list(fx.division, context))
                .hasSize(8).allSatisfy(r -> assertThat(r).doesNotContainKey("Timestamp"));
        assertThat(views.bulkTransactionLines().list(fx.division, context))
                .allSatisfy(r -> assertThat(r).doesNotContainKey("Timestamp"));
    }

    @Test
    void timestampCursorSeesOnlyRowsChangedAfterIt() {
        UUID id = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00")).get("EntryID");
        long cursor = views.syncPaymentTerms().list(fx.division, context).stream()
                .mapToLong(r -> (Long) r.get("Timestamp")).max().orElseThrow();
        hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-2", "20.00"));
        hooks.registerPayment(fx.division, id, new BigDecimal("12.10"), LocalDate.of(2026, 11, 27));

        List<Map<String, Object>> changed = views.syncPaymentTerms().list(fx.division, context).stream()
                .filter(r -> (Long) r.get("Timestamp") > cursor).toList();

        assertThat(changed).extracting(r -> r.get("YourRef")).containsExactly("INV-2", "INV-1");
        assertThat(changed.get(1)).containsEntry("IsFullyPaid", true).containsEntry("TransactionEntryID", id);
    }

    @Test
    void syncPaymentTermsCarryReceivablesAndPayablesTogether() {
        hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00"));
        hooks.bookPurchaseEntry(fx.division, fx.purchaseEntry("SUP-1", "50.00", "P1234"));

        assertThat(views.syncPaymentTerms().list(fx.division, context)).extracting(r -> r.get("LineType"))
                .containsExactly(20, 22);
        assertThat(views.receivables().list(fx.division, context)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("YourRef", "INV-1").doesNotContainKey("Timestamp"));
        assertThat(views.payablesList().list(fx.division, context)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("Amount", new BigDecimal("60.50")));
    }

    @Test
    void receivablesListRowsCarryTheFieldsTheClientJoinsOn() {
        Map<String, Object> entry = hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "100.00"));
        assertThat(views.receivablesList().list(fx.division, context)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("AccountId", fx.customer).containsEntry("Amount", new BigDecimal("121.00"))
                    .containsEntry("InvoiceNumber", entry.get("EntryNumber")).containsEntry("JournalCode", "70")
                    .containsEntry("CurrencyCode", "EUR").containsEntry("YourRef", "INV-1")
                    .containsEntry("DueDate", FinanceFixture.day("2026-12-20"))
                    .containsEntry("InvoiceDate", FinanceFixture.day("2026-11-20"));
            assertThat(row.get("HID")).isInstanceOf(Long.class);
            assertThat(row.get("AccountCode").toString().trim()).isEqualTo("100001");
        });
    }

    @Test
    void returnedRowsAreCopiesThatLaterWritesDoNotChange() {
        UUID id = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00")).get("EntryID");
        Map<String, Object> before = views.syncPaymentTerms().list(fx.division, context).get(0);
        hooks.payInFull(fx.division, id, LocalDate.of(2026, 11, 27));
        assertThat(before).containsEntry("IsFullyPaid", false);
    }

    @Test
    void everyStoredFieldIsADeclaredPropertySoItCanBeSelected() {
        UUID id = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-1", "10.00")).get("EntryID");
        hooks.bookPurchaseEntry(fx.division, fx.purchaseEntry("SUP-1", "50.00", "P1234"));
        hooks.registerPayment(fx.division, id, new BigDecimal("1.00"), LocalDate.of(2026, 11, 27));
        UUID gone = (UUID) hooks.bookSalesEntry(fx.division, fx.salesEntry("INV-2", "10.00")).get("EntryID");
        hooks.deleteEntry(fx.division, gone);

        List<org.exactsync.sandbox.EntitySet> sets = new java.util.ArrayList<>(views.all());
        sets.add(EntryEntitySet.salesEntries(FinanceOptions.defaults()));
        sets.add(EntryEntitySet.purchaseEntries(FinanceOptions.defaults()));
        sets.add(EntryLineSet.salesEntryLines(FinanceOptions.defaults()));
        for (org.exactsync.sandbox.EntitySet set : sets) {
            List<Map<String, Object>> rows = set.list(fx.division, context);
            assertThat(rows).as(set.spec().path()).isNotEmpty();
            assertThat(set.properties()).as(set.spec().path()).contains(set.spec().keyField());
            rows.forEach(row -> assertThat(set.properties()).as(set.spec().path()).containsAll(row.keySet()));
        }
    }
}
