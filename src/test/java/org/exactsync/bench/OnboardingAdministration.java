package org.exactsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.mapping.RelationAddress;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.VatCheckDigits;

/**
 * A generated administration for the onboarding bench: {@code accounts} Exact accounts and as many CRM relations, with
 * four kinds of planted problems ({@code perKind} each) and every other record clean, so the report must find exactly
 * the planted set. Deterministic: the same sizes give the same data.
 *
 * <ul>
 * <li>duplicate: a second account with another account's VAT number (no CRM relation of its own); the original's
 * CRM relation matches by Chamber of Commerce number</li>
 * <li>ambiguous: two accounts with one name and postcode and no numbers; the CRM relation has only name and
 * postcode</li>
 * <li>bad VAT: the account's VAT number fails its check digits; the CRM relation matches by KvK number</li>
 * <li>changed address: the CRM relation matches by VAT number but has another street and postcode</li>
 * </ul>
 * Clean relations match their account by VAT number with equal values; the rest of the CRM relations are new.
 */
final class OnboardingAdministration {

    /** One planted problem: the finding the report must give. */
    record Planted(String kind, String crmRelation, List<String> accounts) {
    }

    final List<Map<String, Object>> accounts = new ArrayList<>();
    final List<RelationUpserted> relations = new ArrayList<>();
    final List<Planted> planted = new ArrayList<>();
    private int next = 1;

    OnboardingAdministration(int accountCount, int perKind) {
        for (int i = 0; i < perKind; i++) {
            int original = next++;
            int duplicate = next++;
            Map<String, Object> base = account(original, vat(original));
            accounts.add(base);
            accounts.add(account(duplicate, vat(original)));
            relations.add(relation(original, null, kvk(original), base));
            planted.add(new Planted("DUPLICATE_ACCOUNTS", null, List.of(code(original), code(duplicate))));
        }
        for (int i = 0; i < perKind; i++) {
            int first = next++;
            int second = next++;
            String name = "Bakkerij Tweeling " + first;
            accounts.add(bare(first, name, postcode(first)));
            accounts.add(bare(second, name, postcode(first)));
            relations.add(new RelationUpserted("crm-" + first, List.of("customer"), name,
                    new RelationAddress("Dorpsstraat 1", null, postcode(first), "Utrecht", "NL"), null, null, null,
                    null, null, List.of()));
            planted.add(new Planted("AMBIGUOUS_MATCH", "crm-" + first, List.of(code(first), code(second))));
        }
        for (int i = 0; i < perKind; i++) {
            int n = next++;
            Map<String, Object> account = account(n, badVat(n));
            accounts.add(account);
            relations.add(relation(n, null, kvk(n), account));
            planted.add(new Planted("INVALID_VAT", "crm-" + n, List.of(code(n))));
        }
        for (int i = 0; i < perKind; i++) {
            int n = next++;
            Map<String, Object> account = account(n, vat(n));
            accounts.add(account);
            Map<String, Object> moved = new LinkedHashMap<>(account);
            moved.put("AddressLine1", "Nieuwe Weg " + n);
            moved.put("Postcode", postcode(n + 500_000));
            relations.add(relation(n, vat(n), kvk(n), moved));
            planted.add(new Planted("FIELDS_DIFFER", "crm-" + n, List.of(code(n))));
        }
        while (accounts.size() < accountCount) {
            int n = next++;
            Map<String, Object> account = account(n, vat(n));
            accounts.add(account);
            relations.add(relation(n, vat(n), kvk(n), account));
        }
        while (relations.size() < accountCount) {
            int n = next++;
            relations.add(relation(n, vat(n), kvk(n), account(n, vat(n))));
        }
    }

    private static String code(int n) {
        return String.valueOf(n);
    }

    private static Map<String, Object> account(int n, String vat) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("Code", code(n));
        account.put("Name", "Firma " + n);
        account.put("AddressLine1", "Straat " + n);
        account.put("Postcode", postcode(n));
        account.put("City", "Utrecht");
        account.put("Country", "NL");
        account.put("Email", "info@firma" + n + ".nl");
        account.put("VATNumber", vat);
        account.put("ChamberOfCommerce", kvk(n));
        return account;
    }

    private static Map<String, Object> bare(int n, String name, String postcode) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("Code", code(n));
        account.put("Name", name);
        account.put("AddressLine1", "Dorpsstraat 1");
        account.put("Postcode", postcode);
        account.put("City", "Utrecht");
        account.put("Country", "NL");
        return account;
    }

    private static RelationUpserted relation(int n, String vat, String kvk, Map<String, Object> values) {
        return new RelationUpserted("crm-" + n, List.of("customer"), (String) values.get("Name"),
                new RelationAddress((String) values.get("AddressLine1"), null, (String) values.get("Postcode"),
                        (String) values.get("City"), (String) values.get("Country")),
                (String) values.get("Email"), null, vat, kvk, null, List.of());
    }

    private static String kvk(int n) {
        return String.valueOf(30_000_000 + n);
    }

    /** "1234 AB"-style, unique for n below 676 × 9,000. */
    private static String postcode(int n) {
        int digits = 1000 + n % 9000;
        int letters = n / 9000;
        return digits + " " + (char) ('A' + letters / 26 % 26) + (char) ('A' + letters % 26);
    }

    /** A Dutch VAT number passing the eleven test, unique per n. */
    static String vat(int n) {
        for (int base = n * 10; ; base++) {
            String eight = String.format("%08d", base % 100_000_000);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (eight.charAt(i) - '0') * (9 - i);
            }
            int check = sum % 11;
            if (check < 10) {
                return "NL" + eight + check + "B01";
            }
        }
    }

    /** A number of the right shape whose check digits fail both Dutch rules. */
    static String badVat(int n) {
        String good = vat(n);
        for (int d = 1; d < 10; d++) {
            char last = (char) ('0' + (good.charAt(10) - '0' + d) % 10);
            String bad = good.substring(0, 10) + last + good.substring(11);
            if (VatCheckDigits.fails(bad)) {
                return bad;
            }
        }
        throw new IllegalStateException("no failing variant");
    }
}
