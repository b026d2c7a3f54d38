package org.exactsync.mapping;

import java.util.List;

/**
 * The one wording of "the division's ledger mapping lacks what an invoice needs". Such an invoice waits rather than
 * fails: the gap is in the connector's configuration, not in the CRM's data, and replacing the division's mapping
 * makes every event waiting on it due again; the admin recognises those events by this wording's prefix. Pure.
 */
public final class LedgerMappingGaps {

    private LedgerMappingGaps() {
    }

    /** The division has no ledger mapping at all. */
    public static String missing(int division) {
        return prefix(division) + "does not exist; waiting until PUT divisions/" + division + "/ledger-mapping";
    }

    /**
     * The mapping lacks entries; each gap names the invoice field and the mapping entry, e.g.
     * {@code data.lines[0].revenueAccount: no GL account for revenue account 8200 (revenueAccounts)}.
     */
    public static String lacking(int division, List<String> gaps) {
        return prefix(division) + "has gaps: " + String.join("; ", gaps) + "; waiting until PUT divisions/"
                + division + "/ledger-mapping fills them";
    }

    /** Whether {@code reason} says that {@code division}'s ledger mapping lacks something. */
    public static boolean concerns(String reason, int division) {
        return reason != null && reason.startsWith(prefix(division));
    }

    private static String prefix(int division) {
        return "ledger mapping of division " + division + " ";
    }
}
