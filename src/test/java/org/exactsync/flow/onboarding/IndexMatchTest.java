package org.exactsync.flow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.onboarding.Accounts.account;
import static org.exactsync.flow.onboarding.Accounts.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.mapping.AccountMapper;
import org.exactsync.mapping.AccountMatch;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.IndexedAccount;
import org.junit.jupiter.api.Test;

/** Each matching rule against an in-memory index, in the order of evidence. */
class IndexMatchTest {

    private final Map<String, List<IndexedAccount>> index = new HashMap<>();
    private final List<String> lookedUp = new ArrayList<>();

    private void add(IndexedAccount account) {
        MatchKeys.ofAccount(account.values()).forEach(k -> index.computeIfAbsent(k, x -> new ArrayList<>())
                .add(account));
    }

    private IndexMatch match(RelationUpserted relation) {
        return IndexMatch.of(AccountMapper.accountFields(relation, Optional.empty()), key -> {
            lookedUp.add(key);
            return index.getOrDefault(key, List.of());
        });
    }

    @Test
    void matchesByTheCompactedVatNumberFirst() {
        add(account("1", "Andere Naam", "VATNumber", "NL004495445B01"));
        add(account("2", "Bakkerij Jansen", "ChamberOfCommerce", "12345678"));

        IndexMatch match = match(relation("r1", "Bakkerij Jansen", "nl 0044.95.445.b01", "12345678", null, "3512AB"));

        assertThat(match.rule()).isEqualTo(IndexMatch.BY_VAT);
        assertThat(match.codes()).containsExactly("1");
        assertThat(match.toAccountMatch()).isInstanceOf(AccountMatch.One.class);
    }

    @Test
    void matchesByChamberOfCommerceWhenNoVatNumberMatches() {
        add(account("2", "Bakkerij Jansen", "ChamberOfCommerce", "12345678"));

        IndexMatch match = match(relation("r1", "Iets Anders", "NL004495445B01", " 1234 5678 ", null, "9999ZZ"));

        assertThat(match.rule()).isEqualTo(IndexMatch.BY_KVK);
        assertThat(match.codes()).containsExactly("2");
    }

    @Test
    void matchesByMailDomainWithPostcodeThenByNameWithPostcode() {
        add(account("3", "Jansen Holding", "Email", "info@jansen.nl", "Postcode", "1234 AB"));
        add(account("4", "Smit & Zn. B.V.", "Postcode", "5678 CD"));

        assertThat(match(relation("r1", "Jansen", null, null, "Piet@Jansen.NL", "1234ab")).rule())
                .isEqualTo(IndexMatch.BY_MAIL);
        IndexMatch byName = match(relation("r2", "smit zn bv", null, null, null, "5678CD"));
        assertThat(byName.rule()).isEqualTo(IndexMatch.BY_NAME);
        assertThat(byName.codes()).containsExactly("4");
    }

    @Test
    void neverMatchesOnAPublicMailDomain() {
        add(account("5", "Klant Een", "Email", "een@gmail.com", "Postcode", "1234 AB"));

        IndexMatch match = match(relation("r1", "Klant Twee", null, null, "twee@gmail.com", "1234AB"));

        assertThat(match.candidates()).isEmpty();
        assertThat(match.toAccountMatch()).isInstanceOf(AccountMatch.None.class);
    }

    @Test
    void twoCandidatesUnderTheDecidingRuleAreAmbiguousNotGuessed() {
        add(account("6", "De Vries", "Postcode", "1000 AA"));
        add(account("7", "de vries", "Postcode", "1000AA"));

        IndexMatch match = match(relation("r1", "De Vries", null, null, null, "1000 AA"));

        assertThat(match.ambiguous()).isTrue();
        assertThat(match.toAccountMatch()).isEqualTo(new AccountMatch.Ambiguous(IndexMatch.BY_NAME,
                List.of("6", "7")));
    }

    @Test
    void stopsAtTheFirstRuleThatFindsAnything() {
        add(account("8", "Zelfde", "VATNumber", "NL004495445B01", "Postcode", "1000 AA"));
        add(account("9", "Zelfde", "Postcode", "1000 AA"));

        IndexMatch match = match(relation("r1", "Zelfde", "NL004495445B01", null, null, "1000AA"));

        assertThat(match.codes()).containsExactly("8");
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void namesCompareWithoutCaseAccentsPunctuationAndLegalForm() {
        assertThat(MatchKeys.name("Café De Éénhoorn B.V.")).isEqualTo(MatchKeys.name("cafe de eenhoorn bv"));
        assertThat(MatchKeys.name("Jansen V.O.F.")).isEqualTo("jansen");
    }
}
