package org.exactsync.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one tenant's CRM categories land on one division's ledgers: which sales journal, which GL account per CRM
 * revenue account, which VAT code per (VAT category, rate). Configuration, not data: a bookkeeper decides it once per
 * division, and a missing entry is an error to fix there, never a guess.
 *
 * @param salesJournal          journal code of the division's sales journal, e.g. {@code 70}
 * @param revenueAccounts       CRM revenue account → GL account code
 * @param vatCodes              {@link VatKey#key()} ({@code standard|21}) → VAT code
 * @param defaultRevenueAccount GL account code for a revenue account that has no entry, or null (then it is an error)
 * @param defaultPaymentCondition payment condition code for an invoice whose relation has none in this division, or
 *                                null: Exact refuses an entry without a condition when neither the account nor the
 *                                division gives one (docs/exact-reference.md §4.3), and the connector cannot see the
 *                                division's own default, so such an invoice waits for this entry
 */
public record LedgerMapping(String salesJournal, Map<String, String> revenueAccounts, Map<String, String> vatCodes,
        String defaultRevenueAccount, String defaultPaymentCondition) {

    public LedgerMapping {
        defaultPaymentCondition = defaultPaymentCondition == null || defaultPaymentCondition.isBlank() ? null
                : defaultPaymentCondition.strip();
        revenueAccounts = Map.copyOf(revenueAccounts);
        Map<String, String> normalised = new HashMap<>();
        vatCodes.forEach((key, code) -> normalised.put(VatKey.parse(key).key(), code.strip()));
        vatCodes = Map.copyOf(normalised);
    }

    /** A mapping without a default payment condition (invoices of relations without one then wait). */
    public LedgerMapping(String salesJournal, Map<String, String> revenueAccounts, Map<String, String> vatCodes,
            String defaultRevenueAccount) {
        this(salesJournal, revenueAccounts, vatCodes, defaultRevenueAccount, null);
    }

    /** The GL account code for a CRM revenue account, falling back to the default when one is configured. */
    public Optional<String> glAccountFor(String revenueAccount) {
        return Optional.ofNullable(revenueAccounts.getOrDefault(revenueAccount, defaultRevenueAccount));
    }

    /** The VAT code for a line's category and rate. */
    public Optional<String> vatCodeFor(VatKey key) {
        return Optional.ofNullable(vatCodes.get(key.key()));
    }

    /**
     * The mapping that fits the sandbox's (and a default Dutch) division: sales journal 70, revenue 8000 (high),
     * 8010 (low), 8100 (reverse charge / export), VAT codes 2 (21 %), 1 (9 %), 0 (0 % and exempt), 4 (reverse charge),
     * 5 (intra-EU), 6 (export); default payment condition 30 (30 days). Used to seed the local run and tests; a real
     * tenant configures its own.
     */
    public static LedgerMapping dutchStandard() {
        return new LedgerMapping("70",
                Map.of("8000", "8000", "8010", "8010", "8100", "8100"),
                Map.of("standard|21", "2", "reduced|9", "1", "zero|0", "0", "exempt|0", "0",
                        "reverse-charge|0", "4", "intra-eu|0", "5", "export|0", "6"),
                null, "30");
    }
}
