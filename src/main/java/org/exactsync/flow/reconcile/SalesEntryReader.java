package org.exactsync.flow.reconcile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.SalesEntryTotalsReader;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.SalesEntryTotals;
import org.exactsync.mapping.ExactEntryState;

/** The sales entries reconciliation compares, as {@link ExactEntryState}s by EntryID (lower case). */
final class SalesEntryReader {

    private final SalesEntryTotalsReader entries;

    SalesEntryReader(ExactOnline exact) {
        this.entries = new SalesEntryTotalsReader(exact);
    }

    /** The entries of these journals with an entry date in [from, to]. */
    Map<String, ExactEntryState> inPeriod(ExactTarget target, Collection<String> journals, LocalDate from,
            LocalDate to) {
        return states(entries.inPeriod(target, journals, from, to));
    }

    /** The entries with these EntryIDs that still exist. */
    Map<String, ExactEntryState> byIds(ExactTarget target, Collection<String> entryIds) {
        return states(entries.byIds(target, entryIds));
    }

    private static Map<String, ExactEntryState> states(Map<String, SalesEntryTotals> totals) {
        Map<String, ExactEntryState> states = new LinkedHashMap<>();
        totals.forEach((id, t) -> states.put(id, new ExactEntryState(t.entryId(), t.customerId(), t.amountExclVat(),
                t.vatAmount(), t.glAccounts())));
        return states;
    }
}
