package org.exactsync.exact.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A booked sales entry reduced to what reconciliation compares: its lines' sums and general-ledger codes.
 *
 * @param entryId    EntryID, lower case
 * @param customerId the customer's account id, lower case ("" when Exact sends none)
 * @param glAccounts the lines' general-ledger codes, trimmed, in line order
 */
public record SalesEntryTotals(String entryId, String customerId, BigDecimal amountExclVat, BigDecimal vatAmount,
        List<String> glAccounts) {
}
