package org.exactsync.mapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * A sales entry as Exact holds it now, reduced to what a reconciliation compares.
 *
 * @param entryId      EntryID (lower-case GUID text)
 * @param customerId   the entry's customer account GUID (lower-case text), or empty when Exact gave none
 * @param amountExclVat the sum of the lines' {@code AmountFC} (Exact keeps line amounts excluding VAT)
 * @param vatAmount    the entry's VAT: the sum of the lines' {@code VATAmountFC}
 * @param glAccounts   the GL account codes of the lines (trimmed)
 */
public record ExactEntryState(String entryId, String customerId, BigDecimal amountExclVat, BigDecimal vatAmount,
        List<String> glAccounts) {

    public ExactEntryState {
        glAccounts = List.copyOf(glAccounts);
    }
}
