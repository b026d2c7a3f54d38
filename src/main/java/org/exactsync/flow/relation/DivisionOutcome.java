package org.exactsync.flow.relation;

import java.util.List;

/** How syncing a relation into one division ended (Exact failures are thrown, not returned). */
sealed interface DivisionOutcome {

    /** The account exists and holds what it should (conflicts, if any, were reported). */
    record Synced(DivisionResult result) implements DivisionOutcome {
    }

    /** Several Exact accounts match and none is mapped: reported as a conflict, nothing written. */
    record Ambiguous(int division, String rule, List<String> codes) implements DivisionOutcome {
    }

    /** The mapped account no longer exists in Exact (deleted by a bookkeeper): a person must decide. */
    record AccountGone(int division, String exactId) implements DivisionOutcome {
    }

    /** The division has no payment condition for the relation's payment term. */
    record NoPaymentCondition(int division, int days) implements DivisionOutcome {
    }
}
