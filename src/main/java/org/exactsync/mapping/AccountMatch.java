package org.exactsync.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which existing Exact account a relation without a mapping is, by the order of evidence: VAT number, then
 * Chamber of Commerce number, then exact name plus postcode. The first rule that matches anything decides; two or
 * more accounts under that rule is ambiguous, and the connector never guesses between them.
 */
public sealed interface AccountMatch {

    /** No account matched: create one. */
    record None() implements AccountMatch {
    }

    /** Exactly one account matched under {@code rule}. */
    record One(Map<String, String> account, String rule) implements AccountMatch {
    }

    /** Several accounts matched under {@code rule}; {@code codes} are their (trimmed) relation numbers. */
    record Ambiguous(String rule, List<String> codes) implements AccountMatch {
        public Ambiguous {
            codes = List.copyOf(codes);
        }
    }

    /**
     * @param relation   the CRM relation
     * @param candidates accounts read from Exact ({@link AccountFieldNames#SELECT}, trimmed values)
     */
    static AccountMatch pick(RelationUpserted relation, List<Map<String, String>> candidates) {
        return pick(relation, candidates, false);
    }

    /**
     * As {@link #pick(RelationUpserted, List)}; with {@code nameAlone} a relation without VAT number, KvK number or
     * postcode may also match on its exact name. Only for finding an account an earlier attempt may have created
     * without getting Exact's answer: as evidence for adopting a bookkeeper's account a name alone is too weak.
     */
    static AccountMatch pick(RelationUpserted relation, List<Map<String, String>> candidates, boolean nameAlone) {
        Optional<String> vat = Optional.ofNullable(relation.vatNumber()).filter(v -> !v.isBlank())
                .map(VatNumbers::compact);
        Optional<String> kvk = Optional.ofNullable(relation.chamberOfCommerce()).filter(v -> !v.isBlank())
                .map(String::strip);
        Optional<String> name = Optional.ofNullable(relation.name()).map(String::strip);
        Optional<String> postcode = Optional.ofNullable(relation.address()).map(RelationAddress::postcode)
                .filter(p -> !p.isBlank()).map(AccountMatch::postcodeKey);
        if (vat.isPresent()) {
            AccountMatch byVat = under("vatNumber", candidates, a -> !a.getOrDefault(AccountFieldNames.VAT_NUMBER, "")
                    .isEmpty() && VatNumbers.compact(a.get(AccountFieldNames.VAT_NUMBER)).equals(vat.get()));
            if (!(byVat instanceof None)) {
                return byVat;
            }
        }
        if (kvk.isPresent()) {
            AccountMatch byKvk = under("chamberOfCommerce", candidates,
                    a -> kvk.get().equals(a.get(AccountFieldNames.CHAMBER_OF_COMMERCE)));
            if (!(byKvk instanceof None)) {
                return byKvk;
            }
        }
        if (name.isPresent() && postcode.isPresent()) {
            return under("name+postcode", candidates, a -> name.get().equals(a.get(AccountFieldNames.NAME))
                    && postcode.get().equals(postcodeKey(a.getOrDefault(AccountFieldNames.POSTCODE, ""))));
        }
        if (nameAlone && vat.isEmpty() && kvk.isEmpty() && name.isPresent()) {
            return under("name", candidates, a -> name.get().equals(a.get(AccountFieldNames.NAME)));
        }
        return new None();
    }

    /** "3512 AB" and "3512ab" are the same postcode. */
    static String postcodeKey(String postcode) {
        return postcode.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static AccountMatch under(String rule, List<Map<String, String>> candidates,
            Predicate<Map<String, String>> matches) {
        List<Map<String, String>> hits = candidates.stream().filter(matches).toList();
        if (hits.isEmpty()) {
            return new None();
        }
        if (hits.size() == 1) {
            return new One(hits.get(0), rule);
        }
        return new Ambiguous(rule, hits.stream().map(a -> a.get("Code")).filter(Objects::nonNull).toList());
    }
}
