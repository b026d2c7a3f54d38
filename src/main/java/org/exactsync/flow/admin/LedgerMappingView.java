package org.exactsync.flow.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.exactsync.mapping.FinanceMasterData;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.mapping.LedgerMappingCheck;
import org.exactsync.mapping.MappingFinding;
import org.exactsync.store.LedgerMappingRecord;

/**
 * A division's ledger mapping with the result of checking it against the division's master data (read fresh from
 * Exact by the admin route; the console's views use the cached copy).
 *
 * @param division  Exact division
 * @param mapping   the stored mapping with its version, or null when none is configured
 * @param findings  what is wrong or missing, errors first
 * @param ready     true when there is a mapping and no finding is an error: invoices can be booked
 */
@RegisterForReflection
public record LedgerMappingView(int division, LedgerMappingBody mapping, List<MappingFinding> findings,
        boolean ready) {

    private static final LedgerMappingCheck CHECK = new LedgerMappingCheck();

    /** The stored mapping (or its absence, itself an error) checked against {@code data}: errors first. */
    public static LedgerMappingView checked(int division, Optional<LedgerMappingRecord> stored,
            FinanceMasterData data) {
        if (stored.isEmpty()) {
            return new LedgerMappingView(division, null, List.of(new MappingFinding("ledgerMapping", "error",
                    "no ledger mapping for this division: PUT one before going live")), false);
        }
        LedgerMapping mapping = stored.get().mapping();
        List<MappingFinding> findings = new ArrayList<>(CHECK.check(mapping, data));
        findings.sort(Comparator.comparing(f -> "error".equals(f.severity()) ? 0 : 1));
        return new LedgerMappingView(division, new LedgerMappingBody(mapping.salesJournal(),
                mapping.revenueAccounts(), mapping.vatCodes(), mapping.defaultRevenueAccount(),
                mapping.defaultPaymentCondition(), stored.get().version()), findings,
                findings.stream().noneMatch(f -> "error".equals(f.severity())));
    }
}
