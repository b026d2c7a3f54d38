package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReceivablesAgeingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static ReceivableItem item(String open, int ageDays, int dueInDays) {
        LocalDate invoiceDate = TODAY.minusDays(ageDays);
        return new ReceivableItem(new BigDecimal(open), invoiceDate, invoiceDate.plusDays(dueInDays));
    }

    @Test
    void bucketsOpenAmountsByDocumentAgeAndSumsWhatIsPastDue() {
        ReceivablesSummary summary = ReceivablesAgeing.summarise(List.of(
                item("100.00", 0, 30),      // 0-30, not due
                item("200.00", 30, 14),     // 0-30 (edge), overdue
                item("300.00", 31, 30),     // 31-60, due today - 1 -> overdue
                item("400.00", 60, 90),     // 31-60, not due
                item("500.00", 61, 30),     // 61-90, overdue
                item("600.00", 90, 30),     // 61-90 (edge), overdue
                item("700.00", 91, 30),     // 90+, overdue
                item("-50.00", 10, 30)),    // open credit note lowers the total, 0-30
                List.of(), TODAY);

        assertThat(summary.totalOpen()).isEqualByComparingTo("2750.00");
        assertThat(summary.days0to30()).isEqualByComparingTo("250.00");
        assertThat(summary.days31to60()).isEqualByComparingTo("700.00");
        assertThat(summary.days61to90()).isEqualByComparingTo("1100.00");
        assertThat(summary.over90()).isEqualByComparingTo("700.00");
        assertThat(summary.overdue()).isEqualByComparingTo("2300.00");
        assertThat(summary.openItems()).isEqualTo(8);
        assertThat(summary.averageDaysToPay()).isNull();
    }

    @Test
    void averagesDaysFromInvoiceToFullPayment() {
        ReceivablesSummary summary = ReceivablesAgeing.summarise(List.of(), List.of(
                new SettledReceivable(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 11)),
                new SettledReceivable(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 26)),
                new SettledReceivable(null, LocalDate.of(2026, 10, 26))), TODAY);

        assertThat(summary.averageDaysToPay()).isEqualByComparingTo("17.5");
        assertThat(summary.totalOpen()).isZero();
        assertThat(summary.overdue()).isZero();
    }
}
