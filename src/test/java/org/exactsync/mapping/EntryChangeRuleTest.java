package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryChangeRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        // case                           | reported total | reported due | rev   | del   | seen total | seen due   | rev   | del   | changes
        "nothing changed                  | 121.00         | 2026-12-20   | false | false | 121.00     | 2026-12-20 | false | false | ''",
        "amount lowered                   | 121.00         | 2026-12-20   | false | false | 108.90     | 2026-12-20 | false | false | amount",
        "amount raised                    | 121.00         | 2026-12-20   | false | false | 133.10     | 2026-12-20 | false | false | amount",
        "credit note total, sign ignored  | 121.00         | 2026-12-20   | false | false | -121.00    | 2026-12-20 | false | false | ''",
        "due date moved                   | 121.00         | 2026-12-20   | false | false | 121.00     | 2027-01-20 | false | false | due-date",
        "amount and due date              | 121.00         | 2026-12-20   | false | false | 100.00     | 2027-01-20 | false | false | amount,due-date",
        "due date never known is learnt   | 121.00         | null         | false | false | 121.00     | 2027-01-20 | false | false | ''",
        "reversed                         | 121.00         | 2026-12-20   | false | false | 121.00     | 2026-12-20 | true  | false | reversed",
        "reversed, seen again             | 121.00         | 2026-12-20   | true  | false | 121.00     | 2026-12-20 | true  | false | ''",
        "deleted                          | 121.00         | 2026-12-20   | false | false | 121.00     | 2026-12-20 | false | true  | deleted",
        "deleted after a reversal         | 121.00         | 2026-12-20   | true  | false | 121.00     | 2026-12-20 | true  | true  | deleted",
        "deleted, seen again              | 121.00         | 2026-12-20   | false | true  | 121.00     | 2026-12-20 | false | true  | ''",
    })
    void reportsEachChangeOfTheEntryOnce(String name, String reportedTotal, String reportedDue,
            boolean reportedReversed, boolean reportedDeleted, String seenTotal, String seenDue, boolean seenReversed,
            boolean seenDeleted, String expected) {
        EntryFigures reported = new EntryFigures(new BigDecimal(reportedTotal), date(reportedDue), reportedReversed,
                reportedDeleted);
        EntryFigures seen = new EntryFigures(new BigDecimal(seenTotal), date(seenDue), seenReversed, seenDeleted);

        List<EntryChange> changes = EntryChangeRule.changes(reported, seen);

        assertThat(changes).extracting(EntryChange::wireName)
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(",")));
        // What is reported once is known afterwards: the same figures seen again are no news.
        assertThat(EntryChangeRule.changes(EntryChangeRule.afterReport(reported, seen), seen)).isEmpty();
    }

    @Test
    void aCorrectionBackToTheBookedAmountIsReportedAgain() {
        EntryFigures booked = EntryFigures.booked(new BigDecimal("121.00"), LocalDate.of(2026, 12, 20));
        EntryFigures lowered = new EntryFigures(new BigDecimal("108.90"), LocalDate.of(2026, 12, 20), false, false);

        EntryFigures known = EntryChangeRule.afterReport(booked, lowered);

        assertThat(EntryChangeRule.changes(known, booked)).containsExactly(EntryChange.AMOUNT);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
