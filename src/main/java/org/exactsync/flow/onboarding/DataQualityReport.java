package org.exactsync.flow.onboarding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.exactsync.flow.onboarding.Finding.Kind;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.VatCheckDigits;
import org.exactsync.mapping.VatNumbers;
import org.exactsync.store.IndexState;
import org.exactsync.store.IndexedAccount;
import org.exactsync.store.SeenRelation;

/**
 * Builds the onboarding report from the account index and the CRM relations matched against it: a pure function, so
 * the admin route, the CSV and the console render the same findings. A field is compared, and reported missing, only
 * as the connector reads it; a field the CRM leaves empty is not a difference (the CRM has no opinion on it).
 */
public final class DataQualityReport {

    static final String CHOOSE = "record the right account (its relation number) or create-new for this relation;"
            + " the relation flow applies the choice on the relation's next event or replay";
    static final String MERGE = "merge the duplicate accounts in Exact or block all but one, so relations match one"
            + " account";
    static final String FIX_VAT = "correct the VAT number on the side where it is wrong (its check digits fail)";
    static final String FILL_ADDRESS = "fill in the missing address fields (and the country) on that side";
    static final String DECIDE_FIELDS = "decide which value is right before go-live; the sync applies the tenant's"
            + " conflict policy to these fields";
    static final String UNBLOCK = "unblock the account in Exact or choose another account for this relation";

    private static final List<String> ADDRESS = List.of(AccountFieldNames.ADDRESS_LINE_1, AccountFieldNames.POSTCODE,
            AccountFieldNames.CITY, AccountFieldNames.COUNTRY);
    /** Compared fields, each with the form in which two values count as the same. */
    private static final Map<String, UnaryOperator<String>> COMPARED = compared();

    private DataQualityReport() {
    }

    private static Map<String, UnaryOperator<String>> compared() {
        Map<String, UnaryOperator<String>> c = new LinkedHashMap<>();
        c.put(AccountFieldNames.NAME, MatchKeys::name);
        c.put(AccountFieldNames.ADDRESS_LINE_1, v -> v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        c.put(AccountFieldNames.POSTCODE, MatchKeys::postcode);
        c.put(AccountFieldNames.CITY, v -> v.toLowerCase(Locale.ROOT).strip());
        c.put(AccountFieldNames.COUNTRY, v -> v.toUpperCase(Locale.ROOT).strip());
        c.put(AccountFieldNames.EMAIL, v -> v.toLowerCase(Locale.ROOT).strip());
        c.put(AccountFieldNames.VAT_NUMBER, VatNumbers::compact);
        c.put(AccountFieldNames.CHAMBER_OF_COMMERCE, v -> v.replaceAll("\\D", ""));
        return c;
    }

    /** The report over the index's accounts and the relations recorded for the division. */
    public static OnboardingReport of(String tenant, int division, Optional<IndexState> state,
            Collection<IndexedAccount> accounts, Collection<SeenRelation> relations) {
        Map<String, IndexedAccount> byId = new HashMap<>();
        Map<String, IndexedAccount> byCode = new HashMap<>();
        accounts.forEach(a -> {
            byId.put(a.id(), a);
            byCode.put(a.code(), a);
        });
        List<SeenRelation> sorted = relations.stream().sorted(Comparator.comparing(SeenRelation::crmId)).toList();
        List<Finding> findings = new ArrayList<>();
        Map<SeenRelation, IndexedAccount> pairs = new LinkedHashMap<>();
        long matched = 0;
        long create = 0;
        long ambiguous = 0;
        for (SeenRelation relation : sorted) {
            Optional<IndexedAccount> account = accountOf(relation, byId, byCode);
            if (account.isPresent()) {
                matched++;
                pairs.put(relation, account.get());
            } else if (SeenRelation.AMBIGUOUS.equals(relation.outcome()) && relation.choice() == null) {
                ambiguous++;
                findings.add(new Finding(Kind.AMBIGUOUS_MATCH, relation.crmId(), relation.codes(),
                        relation.codes().size() + " accounts match by " + relation.rule(), CHOOSE));
            } else {
                create++;
            }
        }
        Map<String, List<SeenRelation>> usersOf = new HashMap<>();
        pairs.forEach((relation, account) -> usersOf.computeIfAbsent(account.id(), k -> new ArrayList<>())
                .add(relation));
        List<IndexedAccount> byNumber = accounts.stream().sorted(Comparator.comparing(IndexedAccount::code,
                MatchKeys.BY_NUMBER)).toList();
        duplicates(byNumber, findings);
        invalidVat(sorted, pairs, byNumber, usersOf, findings);
        missingAddress(sorted, pairs, byNumber, usersOf, findings);
        pairs.forEach((relation, account) -> {
            List<String> differing = differing(relation.values(), account);
            if (!differing.isEmpty()) {
                findings.add(new Finding(Kind.FIELDS_DIFFER, relation.crmId(), List.of(account.code()),
                        "differs: " + String.join(", ", differing), DECIDE_FIELDS));
            }
            if (Boolean.parseBoolean(account.value(AccountIndex.BLOCKED))) {
                findings.add(new Finding(Kind.BLOCKED_ACCOUNT_IN_USE, relation.crmId(), List.of(account.code()),
                        "the matched account is blocked in Exact", UNBLOCK));
            }
        });
        findings.sort(Comparator.comparing(Finding::kind));
        return new OnboardingReport(tenant, division, state.map(s -> s.refreshedAt().toString()).orElse(null),
                accounts.size(), sorted.size(), matched, create, ambiguous, findings);
    }

    private static Optional<IndexedAccount> accountOf(SeenRelation relation, Map<String, IndexedAccount> byId,
            Map<String, IndexedAccount> byCode) {
        if (relation.choice() != null) {
            return SeenRelation.CREATE_NEW.equals(relation.choice()) ? Optional.empty()
                    : Optional.ofNullable(byCode.get(relation.choice().strip()));
        }
        return SeenRelation.MATCHED.equals(relation.outcome()) && relation.accountId() != null
                ? Optional.ofNullable(byId.get(relation.accountId())) : Optional.empty();
    }

    private static void duplicates(List<IndexedAccount> accounts, List<Finding> findings) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (IndexedAccount account : accounts) {
            MatchKeys.vat(account.values()).ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(account.code()));
            MatchKeys.kvk(account.values()).ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(account.code()));
        }
        // One finding per set of accounts, naming every number they share.
        Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
        byKey.forEach((key, codes) -> {
            if (codes.size() > 1) {
                List<String> group = codes.stream().sorted(MatchKeys.BY_NUMBER).toList();
                groups.computeIfAbsent(group, g -> new TreeSet<>())
                        .add(key.startsWith(MatchKeys.VAT) ? "VAT number" : "Chamber of Commerce number");
            }
        });
        groups.forEach((group, shared) -> findings.add(new Finding(Kind.DUPLICATE_ACCOUNTS, null, group,
                "share the same " + String.join(" and ", shared), MERGE)));
    }

    private static void invalidVat(List<SeenRelation> relations, Map<SeenRelation, IndexedAccount> pairs,
            List<IndexedAccount> accounts, Map<String, List<SeenRelation>> usersOf, List<Finding> findings) {
        Set<String> covered = new HashSet<>();
        for (SeenRelation relation : relations) {
            Optional<String> problem = VatCheckDigits.problem(relation.values().get(AccountFieldNames.VAT_NUMBER));
            if (problem.isPresent()) {
                IndexedAccount account = pairs.get(relation);
                List<String> codes = account == null ? List.of() : List.of(account.code());
                String detail = "CRM relation: " + problem.get();
                if (account != null && VatCheckDigits.fails(account.value(AccountFieldNames.VAT_NUMBER))) {
                    covered.add(account.id());
                    detail += "; Exact account: " + VatCheckDigits.problem(
                            account.value(AccountFieldNames.VAT_NUMBER)).orElseThrow();
                }
                findings.add(new Finding(Kind.INVALID_VAT, relation.crmId(), codes, detail, FIX_VAT));
            }
        }
        for (IndexedAccount account : accounts) {
            Optional<String> problem = VatCheckDigits.problem(account.value(AccountFieldNames.VAT_NUMBER));
            if (problem.isPresent() && !covered.contains(account.id())) {
                findings.add(new Finding(Kind.INVALID_VAT, user(usersOf, account), List.of(account.code()),
                        "Exact account: " + problem.get(), FIX_VAT));
            }
        }
    }

    private static void missingAddress(List<SeenRelation> relations, Map<SeenRelation, IndexedAccount> pairs,
            List<IndexedAccount> accounts, Map<String, List<SeenRelation>> usersOf, List<Finding> findings) {
        for (SeenRelation relation : relations) {
            List<String> missing = missing(relation.values());
            if (!missing.isEmpty()) {
                IndexedAccount account = pairs.get(relation);
                findings.add(new Finding(Kind.MISSING_ADDRESS, relation.crmId(),
                        account == null ? List.of() : List.of(account.code()),
                        "CRM relation lacks " + String.join(", ", crmNames(missing)), FILL_ADDRESS));
            }
        }
        for (IndexedAccount account : accounts) {
            List<String> missing = missing(account.values());
            if (!missing.isEmpty()) {
                findings.add(new Finding(Kind.MISSING_ADDRESS, user(usersOf, account), List.of(account.code()),
                        "Exact account lacks " + String.join(", ", missing), FILL_ADDRESS));
            }
        }
    }

    private static String user(Map<String, List<SeenRelation>> usersOf, IndexedAccount account) {
        List<SeenRelation> users = usersOf.getOrDefault(account.id(), List.of());
        return users.isEmpty() ? null : users.get(0).crmId();
    }

    private static List<String> missing(Map<String, String> values) {
        return ADDRESS.stream().filter(f -> values.getOrDefault(f, "").isBlank()).toList();
    }

    private static List<String> crmNames(List<String> exactFields) {
        Set<String> names = new LinkedHashSet<>();
        exactFields.forEach(f -> names.add(AccountFieldNames.crmName(f)));
        return List.copyOf(names);
    }

    /** The CRM names of the fields both sides fill in with values that are not the same. */
    static List<String> differing(Map<String, String> relation, IndexedAccount account) {
        List<String> fields = new ArrayList<>();
        COMPARED.forEach((field, form) -> {
            String crm = relation.getOrDefault(field, "");
            String exact = account.value(field);
            if (!crm.isBlank() && !exact.isBlank() && !form.apply(crm).equals(form.apply(exact))) {
                fields.add(AccountFieldNames.crmName(field));
            }
        });
        return fields;
    }
}
