package org.exactsync.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Computes a customer's {@link ReceivablesSummary}. Ageing counts days since the document date, so the four buckets
 * always add up to the total open; how late a customer is shows separately as {@code overdue} (past the due date).
 */
public final class ReceivablesAgeing {

    private ReceivablesAgeing() {
    }

    /**
     * @param open    the customer's open payment terms
     * @param settled fully paid invoices of the period the average covers
     * @param today   the report date (the caller's clock, in the division's time zone)
     */
    public static ReceivablesSummary summarise(List<ReceivableItem> open, List<SettledReceivable> settled,
            LocalDate today) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (ReceivableItem item : open) {
            BigDecimal amount = Money.cents(item.open());
            total = total.add(amount);
            if (item.dueDate() != null && item.dueDate().isBefore(today)) {
                overdue = overdue.add(amount);
            }
            long age = item.invoiceDate() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(item.invoiceDate(), today));
            buckets[bucketOf(age)] = buckets[bucketOf(age)].add(amount);
        }
        return new ReceivablesSummary(Money.cents(total), Money.cents(overdue), Money.cents(buckets[0]),
                Money.cents(buckets[1]), Money.cents(buckets[2]), Money.cents(buckets[3]), open.size(),
                averageDaysToPay(settled));
    }

    private static int bucketOf(long ageDays) {
        if (ageDays <= 30) {
            return 0;
        }
        if (ageDays <= 60) {
            return 1;
        }
        return ageDays <= 90 ? 2 : 3;
    }

    private static BigDecimal averageDaysToPay(List<SettledReceivable> settled) {
        long days = 0;
        int counted = 0;
        for (SettledReceivable item : settled) {
            if (item.invoiceDate() == null || item.paidDate() == null) {
                continue;
            }
            days += Math.max(0, ChronoUnit.DAYS.between(item.invoiceDate(), item.paidDate()));
            counted++;
        }
        return counted == 0 ? null : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(counted), 1,
                RoundingMode.HALF_UP);
    }
}
