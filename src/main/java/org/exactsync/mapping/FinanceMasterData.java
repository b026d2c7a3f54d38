package org.exactsync.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;

/**
 * The master data of one division a booking is checked against before anything is posted: journals, GL accounts,
 * VAT codes, the period-date table with the sales journals' closed periods, and payment conditions
 * (docs/exact-reference.md §9.3 step 1). Codes are trimmed.
 */
public record FinanceMasterData(List<Journal> journals, List<GlAccount> glAccounts, List<VatCode> vatCodes,
        List<FinancialPeriod> periods, List<ClosedPeriod> closedPeriods, List<PaymentCondition> paymentConditions) {

    public FinanceMasterData {
        journals = List.copyOf(journals);
        glAccounts = List.copyOf(glAccounts);
        vatCodes = List.copyOf(vatCodes);
        periods = List.copyOf(periods);
        closedPeriods = List.copyOf(closedPeriods);
        paymentConditions = List.copyOf(paymentConditions);
    }

    public Optional<Journal> journal(String code) {
        return journals.stream().filter(j -> j.code().strip().equals(code)).findFirst();
    }

    public Optional<GlAccount> glAccount(String code) {
        return glAccounts.stream().filter(g -> g.code().strip().equals(code)).findFirst();
    }

    public Optional<VatCode> vatCode(String code) {
        return vatCodes.stream().filter(v -> v.code().strip().equals(code)).findFirst();
    }

    /** The period whose dates contain {@code date}, if that financial year is set up. */
    public Optional<FinancialPeriod> periodOf(LocalDate date) {
        return periods.stream().filter(p -> !date.isBefore(p.startDate()) && !date.isAfter(p.endDate()))
                .findFirst();
    }

    public boolean isClosed(String journal, FinancialPeriod period) {
        return closedPeriods.contains(new ClosedPeriod(journal, period.year(), period.period()));
    }
}
