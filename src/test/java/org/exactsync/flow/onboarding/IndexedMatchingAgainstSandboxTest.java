package org.exactsync.flow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.onboarding.Accounts.relation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.mapping.AccountMatch;
import org.exactsync.store.SeenRelation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relation flow's account decision through the index: choice first, 0 Exact calls, misses left to the flow. */
class IndexedMatchingAgainstSandboxTest {

    private static final String T = OnboardingFixture.TENANT;
    private static final int D = OnboardingFixture.DIVISION;
    private final OnboardingFixture fx = new OnboardingFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Map<String, Object>> seedTwo() {
        return fx.seed(List.of(
                Map.of("Code", "10", "Name", "Jansen B.V.", "VATNumber", "NL004495445B01"),
                Map.of("Code", "11", "Name", "De Vries"),
                Map.of("Code", "12", "Name", "De Vries")));
    }

    @Test
    void leavesTheLookUpToTheRelationFlowWhileTheDivisionHasNoIndex() {
        seedTwo();
        int before = fx.calls();

        assertThat(fx.matching.decide(fx.target(), relation("r1", "Jansen", "NL004495445B01", null, null, "3512AB"),
                false)).isEmpty();
        assertThat(fx.calls()).isEqualTo(before);
    }

    @Test
    void matchesFromTheIndexWithoutCallingExactAndRecordsTheMatch() {
        String id = seedTwo().get(0).get("ID").toString();
        fx.index.build(fx.target());
        int before = fx.calls();

        Optional<AccountMatch> match = fx.matching.decide(fx.target(),
                relation("r1", "Jansen", "NL 0044.95.445.B01", null, null, "3512AB"), false);

        assertThat(fx.calls()).isEqualTo(before);
        assertThat(match).get().isInstanceOfSatisfying(AccountMatch.One.class, one -> {
            assertThat(one.account().get("ID")).isEqualTo(id);
            assertThat(one.account().get("Code")).isEqualTo("10");
            assertThat(one.account()).doesNotContainKey("Blocked");
        });
        assertThat(fx.seen.find(T, D, "r1")).get().extracting(SeenRelation::outcome).isEqualTo(SeenRelation.MATCHED);
    }

    @Test
    void leavesAMissToTheFlowsOwnLookUpAndRecordsItAsToBeCreated() {
        seedTwo();
        fx.index.build(fx.target());

        assertThat(fx.matching.decide(fx.target(), relation("r2", "Nieuw", null, null, null, "9999ZZ"), false))
                .isEmpty();
        assertThat(fx.seen.find(T, D, "r2")).get().extracting(SeenRelation::outcome).isEqualTo(SeenRelation.CREATE);
    }

    @Test
    void waitsForTheOperatorOnAnAmbiguousMatchThenAppliesTheChoice() {
        seedTwo();
        fx.index.build(fx.target());
        var deVries = relation("r3", "De Vries", null, null, null, "3512 AB");

        assertThat(fx.matching.decide(fx.target(), deVries, false)).contains(
                new AccountMatch.Ambiguous(IndexMatch.BY_NAME, List.of("11", "12")));

        fx.service.choose(T, D, "r3", "12");
        assertThat(fx.matching.decide(fx.target(), deVries, false)).get()
                .isInstanceOfSatisfying(AccountMatch.One.class, one -> assertThat(one.account().get("Code"))
                        .isEqualTo("12"));
        assertThat(fx.seen.find(T, D, "r3")).get().extracting(SeenRelation::outcome)
                .isEqualTo(SeenRelation.AMBIGUOUS);

        fx.service.choose(T, D, "r3", SeenRelation.CREATE_NEW);
        assertThat(fx.matching.decide(fx.target(), deVries, false)).contains(new AccountMatch.None());
        assertThat(fx.matching.decide(fx.target(), deVries, true)).as("an earlier attempt may have created it")
                .isEmpty();
    }

    @Test
    void appliesAChosenNumberWithOneLookUpWhenThereIsNoIndex() {
        seedTwo();
        fx.service.choose(T, D, "r4", "11");
        int before = fx.calls();

        assertThat(fx.matching.decide(fx.target(), relation("r4", "De Vries", null, null, null, "3512AB"), false))
                .get().isInstanceOfSatisfying(AccountMatch.One.class, one -> assertThat(one.account().get("Code"))
                        .isEqualTo("11"));
        assertThat(fx.calls() - before).isEqualTo(1);
    }

    @Test
    void leavesARelationWhoseEarlierAttemptMayHaveCreatedItsAccountToTheFlow() {
        seedTwo();
        fx.index.build(fx.target());

        assertThat(fx.matching.decide(fx.target(), relation("r5", "Jansen", "NL004495445B01", null, null, "3512AB"),
                true)).isEmpty();
    }

    @Test
    void refreshesAnIndexOlderThanItsMaximumAgeBeforeMatching() {
        String id = seedTwo().get(1).get("ID").toString();
        fx.index.build(fx.target());
        fx.change(java.util.UUID.fromString(id), Map.of("Name", "Van Dijk"));
        fx.clock.advance(Duration.ofMinutes(16));
        int before = fx.calls();

        assertThat(fx.matching.decide(fx.target(), relation("r6", "Van Dijk", null, null, null, "3512AB"), false))
                .get().isInstanceOfSatisfying(AccountMatch.One.class, one -> assertThat(one.account().get("Code"))
                        .isEqualTo("11"));
        assertThat(fx.calls() - before).isEqualTo(2);
    }
}
