package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExactValuesTest {

    @Test
    void readsDatesWithoutOffsetAsAmsterdamWallTime() {
        assertThat(ExactValues.parseDate("2026-11-26T00:00:00", "d")).isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
        assertThat(ExactValues.parseDate("2026-07-01", "d")).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(ExactValues.parseDate("2026-11-26T00:00:00Z", "d")).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void rendersBusinessDatesBackAsMidnightMillis() {
        Instant stored = ExactValues.parseDate("2026-11-26T00:00:00", "d");
        assertThat(ExactValues.renderDate(stored))
                .isEqualTo("/Date(" + Instant.parse("2026-11-26T00:00:00Z").toEpochMilli() + ")/");
        assertThat(ExactValues.parseDate(ExactValues.renderDate(stored), "d")).isEqualTo(stored);
        assertThat(ExactValues.localDate(stored)).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void readsAmountsFromNumbersAndNumericStrings() {
        assertThat(ExactValues.parseAmount("121.00", "AmountFC")).isEqualByComparingTo("121");
        assertThat(ExactValues.parseAmount(121, "AmountFC")).isEqualByComparingTo("121");
        assertThatThrownBy(() -> ExactValues.parseAmount("12,10", "AmountFC")).isInstanceOf(ExactFault.class)
                .hasMessage("Invalid: AmountFC");
    }

    @Test
    void rejectsMalformedGuidsWithExactsDutchText() {
        assertThatThrownBy(() -> ExactValues.parseGuid("1234")).isInstanceOf(ExactFault.class)
                .hasMessage("Niet herkende GUID-indeling");
    }

    @Test
    void padsCodes() {
        assertThat(ExactValues.padLeft("42", 18)).isEqualTo("                42");
        assertThat(ExactValues.padRight("2", 3)).isEqualTo("2  ");
    }
}
