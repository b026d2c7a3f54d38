package org.exactsync.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.admin.LedgerMappingBody;
import org.exactsync.flow.admin.LedgerMappingView;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.mapping.FinanceMasterData;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.LedgerMappingStore;

/**
 * The ledger-mapping check for viewing a console page: against the division's cached master data (the copy the
 * invoice flow books against), so a view costs 0 Exact calls while the copy is warm. The JSON admin route and a
 * save check against a fresh read; the pages offer "refresh from Exact" ({@link #refresh}) for the same.
 */
@ApplicationScoped
class MappingChecks {

    private final LedgerMappingStore mappings;
    private final FinanceMasterDataCache masterData;

    MappingChecks(LedgerMappingStore mappings, FinanceMasterDataCache masterData) {
        this.mappings = mappings;
        this.masterData = masterData;
    }

    /** The stored mapping checked against the cached master data; reads Exact only when no copy is held. */
    Checked view(ExactTarget target) {
        return view(target, mappings.find(target.tenant(), target.division()));
    }

    /** Like {@link #view(ExactTarget)}, but empty (and no master data read) when the division has no mapping. */
    Optional<Checked> viewIfMapped(ExactTarget target) {
        Optional<LedgerMappingRecord> stored = mappings.find(target.tenant(), target.division());
        return stored.isEmpty() ? Optional.empty() : Optional.of(view(target, stored));
    }

    private Checked view(ExactTarget target, Optional<LedgerMappingRecord> stored) {
        FinanceMasterDataCache.Loaded loaded = masterData.get(target);
        return new Checked(LedgerMappingView.checked(target.division(), stored, loaded.data()), loaded.data(), loaded.loadedAt());
    }

    /** Reads the division's master data from Exact now (6 calls) and shares the copy. */
    void refresh(ExactTarget target) {
        masterData.reload(target);
    }

    /** The cached master data alone (for the lists of an edit that was not saved). */
    FinanceMasterDataCache.Loaded masterData(ExactTarget target) {
        return masterData.get(target);
    }


    /**
     * A checked mapping.
     *
     * @param view     the mapping and its findings
     * @param data     the master data it was checked against
     * @param readAt   when that master data was read from Exact
     */
    record Checked(LedgerMappingView view, FinanceMasterData data, Instant readAt) {
    }
}
