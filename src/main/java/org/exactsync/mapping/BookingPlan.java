package org.exactsync.mapping;

import java.util.List;

/** What {@link SalesEntryMapper} decided: the entry to post, or why it cannot be posted in that division. */
public sealed interface BookingPlan {

    /** Everything resolved and checked against the division's master data. */
    record Ready(SalesEntryDraft draft) implements BookingPlan {
    }

    /**
     * Only the division's ledger mapping is in the way: it lacks a GL account for a revenue account or a VAT code for
     * a (category, rate) the invoice uses, or the default payment condition an invoice needs when neither its term
     * nor its relation gives one. Configuration to complete, not data to correct: the invoice waits for it.
     *
     * @param gaps one per missing entry, naming the invoice field and the mapping entry (codes only)
     */
    record Unmapped(List<String> gaps) implements BookingPlan {

        public Unmapped {
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * The ledger mapping or the division's master data rule the invoice out; each reason names the field and the
     * fix (ids and codes only).
     */
    record Refused(List<String> reasons) implements BookingPlan {

        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
