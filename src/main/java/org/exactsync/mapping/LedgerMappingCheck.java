package org.exactsync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.VatCode;

/**
 * Checks a division's ledger mapping against that division's master data before go-live, with the same rules the
 * booking applies per invoice ({@link SalesEntryMapper}): the sales journal, every mapped GL account and VAT code, the
 * default payment condition. Also warns about the contract's VAT categories that have no code and about a missing
 * default payment condition, since invoices needing them will wait.
 * Pure: the master data is passed in.
 */
public final class LedgerMappingCheck {

    /** The contract's VAT categories with the rates a Dutch division uses for them. */
    private static final Map<String, List<String>> CONTRACT_CATEGORIES = Map.of(
            "standard", List.of("21"), "reduced", List.of("9"), "zero", List.of("0"), "exempt", List.of("0"),
            "reverse-charge", List.of("0"), "intra-eu", List.of("0"), "export", List.of("0"));

    public List<MappingFinding> check(LedgerMapping mapping, FinanceMasterData master) {
        List<MappingFinding> findings = new ArrayList<>();
        journal(mapping.salesJournal(), master, findings);
        new TreeMap<>(mapping.revenueAccounts()).forEach((crm, gl) ->
                glAccount("revenueAccounts." + crm, gl, master, findings));
        if (mapping.defaultRevenueAccount() != null) {
            glAccount("defaultRevenueAccount", mapping.defaultRevenueAccount(), master, findings);
        }
        new TreeMap<>(mapping.vatCodes()).forEach((key, code) ->
                vatCode("vatCodes." + key, VatKey.parse(key), code, master, findings));
        paymentCondition(mapping.defaultPaymentCondition(), master, findings);
        new TreeMap<>(CONTRACT_CATEGORIES).forEach((category, rates) -> rates.forEach(rate -> {
            VatKey key = VatKey.of(category, rate);
            if (mapping.vatCodeFor(key).isEmpty()) {
                findings.add(MappingFinding.warning("vatCodes." + key.key(), "no VAT code for " + category + " at "
                        + rate + " %: invoices with such lines will be refused"));
            }
        }));
        return findings;
    }

    private static void journal(String code, FinanceMasterData master, List<MappingFinding> findings) {
        Optional<Journal> journal = master.journal(code);
        if (journal.isEmpty()) {
            findings.add(MappingFinding.error("salesJournal", "journal " + code + " does not exist in this division"));
        } else if (!SalesEntryMapper.SALES_JOURNALS.contains(journal.get().type())) {
            findings.add(MappingFinding.error("salesJournal", "journal " + code + " is not a sales journal (type "
                    + journal.get().type() + ")"));
        } else if (journal.get().blocked()) {
            findings.add(MappingFinding.error("salesJournal", "journal " + code + " is blocked"));
        }
    }

    /**
     * A default that Exact does not know refuses every invoice that needs it: an error. No default at all is a
     * warning, like a VAT category without a code: only invoices whose term and relation give no condition wait for
     * it (docs/exact-reference.md §4.3: Exact refuses them when the division has no default either, and the
     * division's own default cannot be read through the API).
     */
    private static void paymentCondition(String code, FinanceMasterData master, List<MappingFinding> findings) {
        if (code == null) {
            findings.add(MappingFinding.warning("defaultPaymentCondition", "no default payment condition: invoices "
                    + "without a due date (or with a term no condition matches) whose relation has no payment term "
                    + "will wait until one is set"));
        } else if (!PaymentTerms.exists(code, master.paymentConditions())) {
            findings.add(MappingFinding.error("defaultPaymentCondition", "payment condition " + code
                    + " does not exist in this division"));
        }
    }

    private static void glAccount(String item, String code, FinanceMasterData master,
            List<MappingFinding> findings) {
        Optional<GlAccount> gl = master.glAccount(code);
        if (gl.isEmpty()) {
            findings.add(MappingFinding.error(item, "GL account " + code + " does not exist in this division"));
        } else if (gl.get().blocked()) {
            findings.add(MappingFinding.error(item, "GL account " + code + " is blocked"));
        } else if (SalesEntryMapper.NOT_ON_A_LINE.contains(gl.get().type())) {
            findings.add(MappingFinding.error(item, "GL account " + code + " is of type " + gl.get().type()
                    + " (money or control account), not a revenue account"));
        }
    }

    private static void vatCode(String item, VatKey key, String code, FinanceMasterData master,
            List<MappingFinding> findings) {
        Optional<VatCode> vat = master.vatCode(code);
        if (vat.isEmpty()) {
            findings.add(MappingFinding.error(item, "VAT code " + code + " does not exist in this division"));
        } else if (vat.get().blocked()) {
            findings.add(MappingFinding.error(item, "VAT code " + code + " is blocked"));
        } else if ("P".equals(vat.get().transactionType())) {
            findings.add(MappingFinding.error(item, "VAT code " + code + " is for purchases only"));
        } else if ("I".equals(vat.get().type())) {
            findings.add(MappingFinding.error(item, "VAT code " + code + " includes VAT; map an excluding code"));
        } else if (SalesEntryMapper.CHARGED_CATEGORIES.contains(key.category()) && vat.get().percentage() != null
                && vat.get().percentage().movePointRight(2).compareTo(new BigDecimal(key.rate())) != 0) {
            findings.add(MappingFinding.error(item, "VAT code " + code + " is " + vat.get().percentage()
                    .movePointRight(2).stripTrailingZeros().toPlainString() + " %, the mapping says " + key.rate()
                    + " %"));
        }
    }
}
