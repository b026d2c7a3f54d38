package org.exactsync.mapping;

import java.util.List;

/** What {@link SalesEntryMapper} decided: the entry to post, or why it cannot be posted in that division. */
public sealed interface BookingPlan {

    /** Everything resolved and checked against the division's master data. */
    record Ready(SalesEntryDraft draft) implements BookingPlan {
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
