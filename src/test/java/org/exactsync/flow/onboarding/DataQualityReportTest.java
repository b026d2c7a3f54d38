package org.exactsync.flow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.onboarding.Accounts.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.flow.onboarding.Finding.Kind;
import org.exactsync.store.IndexedAccount;
import org.exactsync.store.SeenRelation;
import org.junit.jupiter.api.Test;

/** Each finding of the report, and nothing where the data is clean. */
class DataQualityReportTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private final List<IndexedAccount> accounts = new ArrayList<>();
    private final List<SeenRelation> relations = new ArrayList<>();

    private static Map<String, String> crm(String name, String... more) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", name);
        values.put("AddressLine1", "Straat 1");
        values.put("Postcode", "3512AB");
        values.put("City", "Utrecht");
        values.put("Country", "NL");
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return values;
    }

    private void matched(String crmId, IndexedAccount account, Map<String, String> values) {
        relations.add(new SeenRelation("t", 1, crmId, values, SeenRelation.MATCHED, account.id(), "vatNumber",
                List.of(account.code()), null, AT));
    }

    private OnboardingReport report() {
        return DataQualityReport.of("t", 1, Optional.empty(), accounts, relations);
    }

    private IndexedAccount cleanPair(String code, String crmId) {
        IndexedAccount account = account(code, "Klant " + code, "AddressLine1", "Straat 1", "Postcode", "3512 AB");
        accounts.add(account);
        matched(crmId, account, crm("Klant " + code));
        return account;
    }

    @Test
    void cleanDataHasNoFindings() {
        cleanPair("1", "r1");
        relations.add(new SeenRelation("t", 1, "r2", crm("Nieuw"), SeenRelation.CREATE, null, null, List.of(), null,
                AT));

        OnboardingReport report = report();

        assertThat(report.findings()).isEmpty();
        assertThat(List.of(report.matched(), report.toBeCreated(), report.ambiguous())).containsExactly(1L, 1L, 0L);
    }

    @Test
    void reportsAnAmbiguousRelationWithItsCandidatesUntilTheOperatorChooses() {
        accounts.add(account("6", "De Vries", "AddressLine1", "Straat 1"));
        accounts.add(account("7", "De Vries", "AddressLine1", "Straat 1"));
        relations.add(new SeenRelation("t", 1, "r1", crm("De Vries"), SeenRelation.AMBIGUOUS, null, "name+postcode",
                List.of("6", "7"), null, AT));

        assertThat(report().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.AMBIGUOUS_MATCH);
            assertThat(f.crmRelation()).isEqualTo("r1");
            assertThat(f.accounts()).containsExactly("6", "7");
        });

        relations.set(0, new SeenRelation("t", 1, "r1", crm("De Vries"), SeenRelation.AMBIGUOUS, null,
                "name+postcode", List.of("6", "7"), "7", AT));
        assertThat(report().findings()).isEmpty();
        assertThat(report().matched()).isEqualTo(1);
    }

    @Test
    void reportsAccountsSharingAVatOrChamberOfCommerceNumberOnce() {
        accounts.add(account("1", "Een", "VATNumber", "NL004495445B01", "ChamberOfCommerce", "12345678"));
        accounts.add(account("2", "Twee", "VATNumber", "NL 0044.95.445.B01", "ChamberOfCommerce", "12345678"));
        accounts.add(account("3", "Drie", "ChamberOfCommerce", "87654321"));
        accounts.add(account("4", "Vier", "ChamberOfCommerce", "87654321"));

        List<Finding> findings = report().findings();

        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.DUPLICATE_ACCOUNTS);
        assertThat(findings).extracting(Finding::accounts).containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(findings.get(0).detail()).contains("VAT number").contains("Chamber of Commerce number");
    }

    @Test
    void reportsVatNumbersFailingTheirCheckDigitsOnEitherSide() {
        IndexedAccount badInExact = account("1", "Een", "VATNumber", "NL123456789B01");
        accounts.add(badInExact);
        matched("r1", badInExact, crm("Een"));
        IndexedAccount good = account("2", "Twee", "VATNumber", "BE0403170701");
        accounts.add(good);
        matched("r2", good, crm("Twee", "VATNumber", "BE0403170702"));

        List<Finding> findings = report().findings();

        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.INVALID_VAT, Kind.FIELDS_DIFFER);
        assertThat(findings).filteredOn(f -> f.kind() == Kind.INVALID_VAT)
                .extracting(f -> f.crmRelation() + ":" + f.accounts() + ":" + f.detail().substring(0, 4))
                .containsExactlyInAnyOrder("r1:[1]:Exac", "r2:[2]:CRM ");
    }

    @Test
    void reportsMissingAddressesAndCountriesOnEitherSide() {
        IndexedAccount account = account("1", "Een", "Country", "", "City", "");
        accounts.add(account);
        matched("r1", account, crm("Een", "Postcode", ""));

        List<Finding> findings = report().findings();

        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.MISSING_ADDRESS);
        assertThat(findings).extracting(Finding::detail).containsExactlyInAnyOrder(
                "CRM relation lacks address.postcode", "Exact account lacks City, Country");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.crmRelation()).isEqualTo("r1");
            assertThat(f.accounts()).containsExactly("1");
        });
    }

    @Test
    void reportsFieldsThatDifferBetweenARelationAndItsAccountByName() {
        IndexedAccount account = account("1", "Een B.V.", "AddressLine1", "Straat 1", "Postcode", "3512 AB",
                "Email", "info@een.nl");
        accounts.add(account);
        matched("r1", account, crm("een bv", "AddressLine1", "Laan 9", "Postcode", "1000AA", "Email", ""));

        assertThat(report().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.FIELDS_DIFFER);
            assertThat(f.detail()).isEqualTo("differs: address.line1, address.postcode");
            assertThat(f.detail()).doesNotContain("Laan");
        });
    }

    @Test
    void reportsABlockedAccountTheCrmStillUses() {
        IndexedAccount blocked = account("1", "Een", "AddressLine1", "Straat 1", "Blocked", "true");
        accounts.add(blocked);
        matched("r1", blocked, crm("Een"));
        accounts.add(account("2", "Ongebruikt", "Blocked", "true"));

        assertThat(report().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.BLOCKED_ACCOUNT_IN_USE);
            assertThat(f.crmRelation()).isEqualTo("r1");
            assertThat(f.accounts()).containsExactly("1");
        });
    }

    @Test
    void csvHasOneLinePerFindingAndDefusesFormulas() {
        accounts.add(account("6", "De Vries"));
        accounts.add(account("7", "De Vries"));
        relations.add(new SeenRelation("t", 1, "=cmd()", crm("De Vries"), SeenRelation.AMBIGUOUS, null,
                "name+postcode", List.of("6", "7"), null, AT));

        String csv = ReportCsv.of(report());

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith(ReportCsv.HEADER).contains("AMBIGUOUS_MATCH,'=cmd(),6 7,");
    }
}
