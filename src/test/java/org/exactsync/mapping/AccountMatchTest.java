package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountMatchTest {

    private static final RelationUpserted RELATION = new RelationUpserted("rel-1", List.of("customer"), "Korst B.V.",
            new RelationAddress(null, null, "3512 AB", "Utrecht", "NL"), null, null, "NL123456789B01", "12345678",
            null, List.of());

    private static Map<String, String> account(String code, String vat, String kvk, String name, String postcode) {
        return Map.of("ID", "00000000-0000-0000-0000-00000000000" + code, "Code", code, "VATNumber", vat,
                "ChamberOfCommerce", kvk, "Name", name, "Postcode", postcode);
    }

    @Test
    void prefersTheVatNumberOverTheOtherRules() {
        AccountMatch match = AccountMatch.pick(RELATION, List.of(account("1", "", "12345678", "Korst B.V.",
                "3512 AB"), account("2", "NL 123456789 B01", "", "Other", "")));

        assertThat(match).isInstanceOfSatisfying(AccountMatch.One.class, one -> {
            assertThat(one.account().get("Code")).isEqualTo("2");
            assertThat(one.rule()).isEqualTo("vatNumber");
        });
    }

    @Test
    void fallsBackToTheChamberOfCommerceThenToNameAndPostcode() {
        assertThat(AccountMatch.pick(RELATION, List.of(account("3", "", "12345678", "X", ""))))
                .isInstanceOfSatisfying(AccountMatch.One.class, one -> assertThat(one.rule())
                        .isEqualTo("chamberOfCommerce"));
        assertThat(AccountMatch.pick(RELATION, List.of(account("4", "", "", "Korst B.V.", "3512ab"))))
                .isInstanceOfSatisfying(AccountMatch.One.class, one -> assertThat(one.rule())
                        .isEqualTo("name+postcode"));
    }

    @Test
    void twoAccountsUnderTheDecidingRuleAreAmbiguous() {
        AccountMatch match = AccountMatch.pick(RELATION, List.of(account("5", "", "", "Korst B.V.", "3512 AB"),
                account("6", "", "", "Korst B.V.", "3512 AB")));

        assertThat(match).isEqualTo(new AccountMatch.Ambiguous("name+postcode", List.of("5", "6")));
    }

    @Test
    void aNameWithAnotherPostcodeIsNoMatch() {
        assertThat(AccountMatch.pick(RELATION, List.of(account("7", "", "", "Korst B.V.", "1011 AA"))))
                .isInstanceOf(AccountMatch.None.class);
    }

    @Test
    void aNameAloneMatchesOnlyWhenLookingForAnEarlierAttemptsAccount() {
        RelationUpserted bare = new RelationUpserted("rel-2", List.of("customer"), "Kaal B.V.", null, null, null,
                null, null, null, List.of());
        List<Map<String, String>> candidates = List.of(account("8", "", "", "Kaal B.V.", ""));

        assertThat(AccountMatch.pick(bare, candidates)).isInstanceOf(AccountMatch.None.class);
        assertThat(AccountMatch.pick(bare, candidates, true)).isInstanceOfSatisfying(AccountMatch.One.class,
                one -> assertThat(one.rule()).isEqualTo("name"));
    }
}
