package org.exactsync.sandbox.finance;

import java.time.LocalDate;

/** One row of the period-date table ({@code financial/FinancialPeriods}). */
record PeriodRef(int year, int period, LocalDate start, LocalDate end) {

    boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
