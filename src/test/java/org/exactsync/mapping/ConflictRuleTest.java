package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConflictRuleTest {

    @Test
    void writesACrmChangeWhenExactStillHoldsWhatWasSent() {
        AccountWritePlan plan = ConflictRule.plan(Map.of("City", "Zeist"), Map.of("City", "Utrecht"),
                Map.of("City", "Utrecht"), false);

        assertThat(plan.toWrite()).isEqualTo(Map.of("City", "Zeist"));
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.sent()).isEqualTo(Map.of("City", "Zeist"));
    }

    @Test
    void reportsAndKeepsABookkeepersChangeUnderReport() {
        AccountWritePlan plan = ConflictRule.plan(Map.of("City", "Zeist"), Map.of("City", "Utrecht"),
                Map.of("City", "Amersfoort"), false);

        assertThat(plan.toWrite()).isEmpty();
        assertThat(plan.conflicts()).containsExactly(new FieldConflict("address.city", "Zeist", "Amersfoort"));
        assertThat(plan.sent()).isEqualTo(Map.of("City", "Utrecht"));
    }

    @Test
    void overwritesABookkeepersChangeUnderCrmWinsAndStillReportsIt() {
        AccountWritePlan plan = ConflictRule.plan(Map.of("City", "Zeist"), Map.of("City", "Utrecht"),
                Map.of("City", "Amersfoort"), true);

        assertThat(plan.toWrite()).isEqualTo(Map.of("City", "Zeist"));
        assertThat(plan.conflicts()).extracting(FieldConflict::name).containsExactly("address.city");
        assertThat(plan.sent()).isEqualTo(Map.of("City", "Zeist"));
    }

    @Test
    void aBookkeeperWhoMadeTheSameChangeIsNoConflict() {
        AccountWritePlan plan = ConflictRule.plan(Map.of("City", "Zeist"), Map.of("City", "Utrecht"),
                Map.of("City", "Zeist"), false);

        assertThat(plan.toWrite()).isEmpty();
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.sent()).isEqualTo(Map.of("City", "Zeist"));
    }

    @Test
    void anAdoptedAccountGetsItsEmptyFieldsAndRolesFilledButKeepsDifferingValues() {
        AccountWritePlan plan = ConflictRule.plan(
                Map.of("Name", "Korst B.V.", "City", "Utrecht", "Status", "C", "IsSupplier", "true"), Map.of(),
                Map.of("Name", "Korst", "City", "", "Status", "P", "IsSupplier", "false"), false);

        assertThat(plan.toWrite()).isEqualTo(Map.of("City", "Utrecht", "Status", "C", "IsSupplier", "true"));
        assertThat(plan.conflicts()).containsExactly(new FieldConflict("name", "Korst B.V.", "Korst"));
        assertThat(plan.sent()).doesNotContainKey("Name");
    }

    @Test
    void aClearedCrmFieldClearsExactWhenExactWasUntouched() {
        AccountWritePlan plan = ConflictRule.plan(Map.of("Phone", ""), Map.of("Phone", "+31 30 1"),
                Map.of("Phone", "+31 30 1"), false);

        assertThat(plan.toWrite()).isEqualTo(Map.of("Phone", ""));
    }
}
