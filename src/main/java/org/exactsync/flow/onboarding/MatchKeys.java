package org.exactsync.flow.onboarding;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.VatNumbers;

/**
 * The normalised keys a relation is matched by, the same for an Exact account and a CRM relation (both as Exact
 * field values): VAT number compacted, Chamber of Commerce number as digits, e-mail domain with postcode, name with
 * postcode. Names are compared without case, accents, punctuation and legal form ("Bakkerij de Vries B.V." and
 * "bakkerij de vries bv" are one name); postcodes without spaces.
 */
public final class MatchKeys {

    static final String VAT = "vat:";
    static final String KVK = "kvk:";
    static final String MAIL = "mail:";
    static final String NAME = "name:";
    static final String CODE = "code:";

    /** Mail domains shared by many unrelated people: a domain match there says nothing about the company. */
    private static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "hotmail.com",
            "hotmail.nl", "outlook.com", "live.nl", "live.com", "yahoo.com", "icloud.com", "ziggo.nl", "kpnmail.nl",
            "planet.nl", "xs4all.nl", "home.nl", "telenet.be", "skynet.be", "proximus.be", "gmx.net");
    private static final Set<String> LEGAL_FORMS = Set.of("bv", "nv", "vof", "cv", "bvba", "sprl", "srl", "sa",
            "ltd", "gmbh");

    private MatchKeys() {
    }

    /** Every key of an account (the match keys plus its relation number, for an operator's choice). */
    public static Set<String> ofAccount(Map<String, String> values) {
        Set<String> keys = new LinkedHashSet<>();
        vat(values).ifPresent(keys::add);
        kvk(values).ifPresent(keys::add);
        mailAndPostcode(values).ifPresent(keys::add);
        nameAndPostcode(values).ifPresent(keys::add);
        String code = values.getOrDefault("Code", "").strip();
        if (!code.isEmpty()) {
            keys.add(code(code));
        }
        return keys;
    }

    /** Relation numbers in the order a bookkeeper reads them: 9 before 10 (numbers by length first). */
    static final java.util.Comparator<String> BY_NUMBER = java.util.Comparator.comparingInt(String::length)
            .thenComparing(java.util.Comparator.naturalOrder());

    static String code(String code) {
        return CODE + code.strip();
    }

    static Optional<String> vat(Map<String, String> values) {
        String vat = values.getOrDefault(AccountFieldNames.VAT_NUMBER, "");
        return vat.isBlank() ? Optional.empty() : Optional.of(VAT + VatNumbers.compact(vat));
    }

    static Optional<String> kvk(Map<String, String> values) {
        String digits = values.getOrDefault(AccountFieldNames.CHAMBER_OF_COMMERCE, "").replaceAll("\\D", "");
        return digits.isEmpty() ? Optional.empty() : Optional.of(KVK + digits);
    }

    static Optional<String> mailAndPostcode(Map<String, String> values) {
        String email = values.getOrDefault(AccountFieldNames.EMAIL, "").strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        String postcode = postcode(values.getOrDefault(AccountFieldNames.POSTCODE, ""));
        if (at < 0 || at == email.length() - 1 || postcode.isEmpty()) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1);
        return PUBLIC_MAIL_DOMAINS.contains(domain) ? Optional.empty()
                : Optional.of(MAIL + domain + "|" + postcode);
    }

    static Optional<String> nameAndPostcode(Map<String, String> values) {
        String name = name(values.getOrDefault(AccountFieldNames.NAME, ""));
        String postcode = postcode(values.getOrDefault(AccountFieldNames.POSTCODE, ""));
        return name.isEmpty() || postcode.isEmpty() ? Optional.empty()
                : Optional.of(NAME + name + "|" + postcode);
    }

    /** Lower case, no accents, no punctuation, no legal form, single spaces. */
    static String name(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
        StringBuilder out = new StringBuilder();
        for (String word : plain.split(" +")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                out.append(out.isEmpty() ? "" : " ").append(word);
            }
        }
        return out.toString();
    }

    static String postcode(String postcode) {
        return postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
