package org.exactsync.flow.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.mapping.InvoiceDrift;
import org.exactsync.mapping.RelationDrift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconciliationAgainstSandboxTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private final ReconciliationFixture fx = new ReconciliationFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anUntouchedPeriodReportsNothingInOneCallForEntriesAndOneForAccounts() {
        fx.syncRelation("rel-1", "Zeist");
        fx.syncRelation("rel-2", "Utrecht");
        fx.book("inv-1", "rel-1", "2026-11-02", "1000.00", "210.00");
        fx.book("inv-2", "rel-2", "2026-11-26", "0.50", "0.11");
        int before = fx.calls();

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT, NOV_1,
                NOV_30);

        assertThat(report.clean()).isTrue();
        assertThat(report.invoicesChecked()).isEqualTo(2);
        assertThat(report.relationsChecked()).isEqualTo(2);
        assertThat(fx.calls() - before).isEqualTo(2);
    }

    @Test
    void eachChangeMadeInExactIsReportedExactlyOnce() {
        String customer = fx.syncRelation("rel-1", "Zeist");
        String other = fx.syncRelation("rel-2", "Utrecht");
        String untouched = fx.book("inv-0", "rel-1", "2026-11-02", "100.00", "21.00");
        String amount = fx.book("inv-amount", "rel-1", "2026-11-03", "1000.00", "210.00");
        String vat = fx.book("inv-vat", "rel-1", "2026-11-04", "1000.00", "210.00");
        String moved = fx.book("inv-customer", "rel-1", "2026-11-05", "200.00", "42.00");
        String deleted = fx.book("inv-deleted", "rel-2", "2026-11-06", "300.00", "63.00");
        fx.changeLine(amount, ExactFields.empty().with("AmountFC", new BigDecimal("1100.00"))
                .with("VATAmountFC", new BigDecimal("210.00")));
        fx.changeLine(vat, ExactFields.empty().with("VATAmountFC", new BigDecimal("210.01")));
        fx.changeEntry(moved, ExactFields.empty().with("Customer", UUID.fromString(other)));
        fx.deleteEntry(deleted);
        fx.client.updateAccount(fx.target(), UUID.fromString(other), AccountFields.none().city("Amersfoort"));
        int before = fx.calls();

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT, NOV_1,
                NOV_30);

        assertThat(report.invoices()).containsExactlyInAnyOrder(
                new InvoiceDrift("inv-amount", amount, "amount-changed", "1000.00", "1100.00"),
                new InvoiceDrift("inv-vat", vat, "vat-changed", "210.00", "210.01"),
                new InvoiceDrift("inv-customer", moved, "account-changed", customer, other),
                new InvoiceDrift("inv-deleted", deleted, "deleted", null, null));
        assertThat(report.invoices()).extracting(InvoiceDrift::entryId).doesNotContain(untouched);
        assertThat(report.relations()).containsExactly(
                new RelationDrift("rel-2", other, "changed", List.of("address.city")));
        assertThat(report.invoicesChecked()).isEqualTo(5);
        assertThat(report.invoiceFindings()).isEqualTo(4);
        assertThat(report.relationFindings()).isEqualTo(1);
        // The period's entries, the one missing entry looked up by EntryID, the two accounts.
        assertThat(fx.calls() - before).isEqualTo(3);
    }

    @Test
    void aPeriodOfMoreThanOnePageIsReadPageByPage() {
        fx.syncRelation("rel-1", "Zeist");
        for (int i = 1; i <= 65; i++) {
            fx.book("inv-" + i, "rel-1", "2026-11-" + (10 + i % 15), i + ".00", vat(i));
        }
        String last = fx.book("inv-last", "rel-1", "2026-11-30", "10.00", "2.10");
        fx.changeLine(last, ExactFields.empty().with("VATAmountFC", new BigDecimal("2.11")));
        int before = fx.calls();

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT, NOV_1,
                NOV_30);

        assertThat(report.invoicesChecked()).isEqualTo(66);
        assertThat(report.invoices()).extracting(InvoiceDrift::invoiceId, InvoiceDrift::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inv-last", "vat-changed"));
        // Two pages of 60 entries, the account.
        assertThat(fx.calls() - before).isEqualTo(3);
    }

    private static String vat(int euros) {
        return new BigDecimal(euros).multiply(new BigDecimal("0.21")).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Test
    void anEntryMovedOutOfThePeriodIsComparedNotReportedDeleted() {
        fx.syncRelation("rel-1", "Zeist");
        String entry = fx.book("inv-1", "rel-1", "2026-11-10", "1000.00", "210.00");
        fx.changeEntry(entry, ExactFields.empty().with("EntryDate", LocalDate.of(2026, 12, 2)));

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT, NOV_1,
                NOV_30);

        assertThat(report.clean()).isTrue();
        assertThat(report.invoicesChecked()).isEqualTo(1);
    }

    @Test
    void invoicesOutsideThePeriodAreNotCheckedAndCostNoEntryRead() {
        fx.syncRelation("rel-1", "Zeist");
        String entry = fx.book("inv-1", "rel-1", "2026-11-10", "1000.00", "210.00");
        fx.deleteEntry(entry);
        int before = fx.calls();

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));

        assertThat(report.invoicesChecked()).isZero();
        assertThat(report.clean()).isTrue();
        assertThat(fx.calls() - before).isEqualTo(1);
    }

    @Test
    void aDeletedAccountIsReportedAsADeletedRelation() {
        String id = fx.syncRelation("rel-1", "Zeist");
        fx.client.delete(fx.target(), "crm/Accounts", org.exactsync.exact.odata.OData.guid(UUID.fromString(id)));

        ReconciliationReport report = fx.reconciliation().run(fx.target(), ReconciliationFixture.TENANT, NOV_1,
                NOV_30);

        assertThat(report.relations()).containsExactly(new RelationDrift("rel-1", id, "deleted", List.of()));
    }
}
