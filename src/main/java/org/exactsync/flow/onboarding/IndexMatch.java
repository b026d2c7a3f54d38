package org.exactsync.flow.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.AccountMatch;
import org.exactsync.store.IndexedAccount;

/**
 * A relation matched against the account index, by the order of evidence: VAT number, then Chamber of Commerce
 * number, then e-mail domain with postcode, then name with postcode. The first rule that finds any account decides;
 * two or more accounts under it are ambiguous and never guessed between.
 *
 * @param rule       the deciding rule, or null when none found anything
 * @param candidates the accounts it found (one: matched; several: ambiguous; none: to be created)
 */
public record IndexMatch(String rule, List<IndexedAccount> candidates) {

    public static final String BY_VAT = "vatNumber";
    public static final String BY_KVK = "chamberOfCommerce";
    public static final String BY_MAIL = "emailDomain+postcode";
    public static final String BY_NAME = "name+postcode";

    public IndexMatch {
        candidates = List.copyOf(candidates);
    }

    /**
     * @param relation the CRM relation as Exact field values (AccountMapper's form)
     * @param lookup   the index's accounts under one match key
     */
    public static IndexMatch of(Map<String, String> relation, Function<String, List<IndexedAccount>> lookup) {
        Map<String, java.util.Optional<String>> rules = new LinkedHashMap<>();
        rules.put(BY_VAT, MatchKeys.vat(relation));
        rules.put(BY_KVK, MatchKeys.kvk(relation));
        rules.put(BY_MAIL, MatchKeys.mailAndPostcode(relation));
        rules.put(BY_NAME, MatchKeys.nameAndPostcode(relation));
        for (Map.Entry<String, java.util.Optional<String>> rule : rules.entrySet()) {
            if (rule.getValue().isPresent()) {
                List<IndexedAccount> found = lookup.apply(rule.getValue().get());
                if (!found.isEmpty()) {
                    return new IndexMatch(rule.getKey(), found);
                }
            }
        }
        return new IndexMatch(null, List.of());
    }

    public boolean matched() {
        return candidates.size() == 1;
    }

    public boolean ambiguous() {
        return candidates.size() > 1;
    }

    /** Candidate relation numbers, sorted. */
    public List<String> codes() {
        return candidates.stream().map(IndexedAccount::code).sorted(MatchKeys.BY_NUMBER).toList();
    }

    /** The relation flow's form: the matched account's compared fields, or the ambiguity, or none. */
    public AccountMatch toAccountMatch() {
        if (matched()) {
            return new AccountMatch.One(flowValues(candidates.get(0)), rule);
        }
        return ambiguous() ? new AccountMatch.Ambiguous(rule, codes()) : new AccountMatch.None();
    }

    /** The fields the relation flow compares, as it would have read them from Exact. */
    static Map<String, String> flowValues(IndexedAccount account) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : AccountFieldNames.SELECT) {
            values.put(field, account.value(field));
        }
        return values;
    }
}
