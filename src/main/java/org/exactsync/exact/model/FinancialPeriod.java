package org.exactsync.exact.model;

import java.time.LocalDate;

/** One period of a financial year that exists in the division (posting outside one fails). */
public record FinancialPeriod(int year, int period, LocalDate startDate, LocalDate endDate) {
}
