package org.exactsync.flow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exactsync.store.AccountIndexStore;
import org.exactsync.store.IndexedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Building the account index from Exact's feeds and keeping it current, against the sandbox and dynalite. */
class AccountIndexAgainstSandboxTest {

    private final OnboardingFixture fx = new OnboardingFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Map<String, Object>> seed(int count) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bodies.add(Map.of("Code", String.valueOf(i), "Name", "Klant " + i));
        }
        return fx.seed(bodies);
    }

    private List<IndexedAccount> indexed() {
        try (var all = fx.accounts.all(OnboardingFixture.TENANT, OnboardingFixture.DIVISION)) {
            return all.toList();
        }
    }

    @Test
    void buildsTheIndexWithOneAccountFeedReadPerThousandPlusOneDeletionsRead() {
        seed(12);
        int before = fx.calls();

        AccountIndex.Run run = fx.index.build(fx.target());

        assertThat(fx.calls() - before).isEqualTo(1 + 1);
        assertThat(run.added()).isEqualTo(12);
        assertThat(indexed()).hasSize(12);
        assertThat(fx.index.state(OnboardingFixture.TENANT, OnboardingFixture.DIVISION).orElseThrow().accounts())
                .isEqualTo(12);
    }

    @Test
    void aBuildStoppedByItsTimeBudgetGoesOnWhereItStopped() {
        seed(1_001);
        AccountIndex hurried = new AccountIndex(fx.client, fx.accounts, new org.exactsync.store.dynamodb
                .DynamoDbCursorStore(fx.dynamo.client(), fx.table, fx.clock), fx.clock, java.time.Duration.ZERO);

        AccountIndex.Run first = hurried.build(fx.target());
        assertThat(first.complete()).isFalse();
        assertThat(first.accountsRead()).isEqualTo(1_000);
        assertThat(fx.index.state(OnboardingFixture.TENANT, OnboardingFixture.DIVISION)).isEmpty();

        AccountIndex.Run rest = hurried.refresh(fx.target());

        assertThat(rest.complete()).isTrue();
        assertThat(rest.accountsRead()).isEqualTo(1);
        assertThat(fx.index.state(OnboardingFixture.TENANT, OnboardingFixture.DIVISION).orElseThrow().accounts())
                .isEqualTo(1_001);
    }

    @Test
    void followsARenameInExactWithOneAccountFeedRead() {
        String id = seed(3).get(1).get("ID").toString();
        fx.index.build(fx.target());
        fx.change(java.util.UUID.fromString(id), Map.of("Name", "Nieuwe Naam"));
        int before = fx.calls();

        AccountIndex.Run run = fx.index.refresh(fx.target());

        assertThat(run.accountsRead()).isEqualTo(1);
        assertThat(fx.calls() - before).as("the account feed and the deletions feed").isEqualTo(2);
        assertThat(fx.accounts.byKey(OnboardingFixture.TENANT, OnboardingFixture.DIVISION, "name:nieuwe naam|3512AB"))
                .extracting(a -> a.value("Name")).containsExactly("Nieuwe Naam");
        assertThat(fx.accounts.byKey(OnboardingFixture.TENANT, OnboardingFixture.DIVISION, "name:klant 2|3512AB"))
                .as("the old name's look-up is gone").isEmpty();
    }

    @Test
    void removesAnAccountExactDeleted() {
        String id = seed(2).get(0).get("ID").toString();
        fx.index.build(fx.target());
        fx.delete(java.util.UUID.fromString(id));

        AccountIndex.Run run = fx.index.refresh(fx.target());

        assertThat(run.accountsRemoved()).isEqualTo(1);
        assertThat(indexed()).extracting(IndexedAccount::id).doesNotContain(id).hasSize(1);
        assertThat(fx.accounts.byKey(OnboardingFixture.TENANT, OnboardingFixture.DIVISION, "code:1")).isEmpty();
    }

    @Test
    void neverReplacesAnEntryWithAnOlderRowversion() {
        IndexedAccount newer = Accounts.account("5", "Nieuw");
        IndexedAccount older = new IndexedAccount(newer.id(), newer.timestamp() - 1, Map.of("ID", newer.id(),
                "Code", "5", "Name", "Oud"));
        fx.accounts.put("t", 1, newer, MatchKeys.ofAccount(newer.values()));

        assertThat(fx.accounts.put("t", 1, older, MatchKeys.ofAccount(older.values())))
                .isEqualTo(AccountIndexStore.Write.OLDER);
        assertThat(fx.accounts.byKey("t", 1, "code:5")).extracting(a -> a.value("Name")).containsExactly("Nieuw");
    }

    @Test
    void keepsEachTenantsAndDivisionsIndexApart() {
        IndexedAccount account = Accounts.account("5", "Een");
        fx.accounts.put("t", 1, account, MatchKeys.ofAccount(account.values()));

        assertThat(fx.accounts.byKey("t", 2, "code:5")).isEmpty();
        assertThat(fx.accounts.byKey("u", 1, "code:5")).isEmpty();
        assertThat(fx.accounts.byKey("t", 1, "code:5")).hasSize(1);
    }
}
