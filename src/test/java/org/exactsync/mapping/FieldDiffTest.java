package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldDiffTest {

    @Test
    void findsNothingWhenEverythingWasSentAlready() {
        assertThat(FieldDiff.changed(Map.of("Name", "A", "City", "B"), Map.of("Name", "A", "City", "B",
                "_contacts", "con-1"))).isEmpty();
    }

    @Test
    void findsOnlyTheChangedField() {
        assertThat(FieldDiff.changed(Map.of("Name", "A", "City", "Zeist"), Map.of("Name", "A", "City", "Utrecht")))
                .isEqualTo(Map.of("City", "Zeist"));
    }

    @Test
    void treatsANeverSentFieldAsEmpty() {
        assertThat(FieldDiff.changed(Map.of("Phone", "", "Email", "a@b.example"), Map.of()))
                .isEqualTo(Map.of("Email", "a@b.example"));
    }

    @Test
    void seesAClearedField() {
        assertThat(FieldDiff.changed(Map.of("Phone", ""), Map.of("Phone", "+31"))).isEqualTo(Map.of("Phone", ""));
    }
}
