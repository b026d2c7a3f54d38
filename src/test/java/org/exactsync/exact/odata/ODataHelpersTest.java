package org.exactsync.exact.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataHelpersTest {

    @Test
    void parsesExactDatesAsEpochMilliseconds() {
        assertThat(ExactDates.parseInstant("/Date(1392224884577)/"))
                .isEqualTo(Instant.ofEpochMilli(1392224884577L));
        assertThat(ExactDates.parseInstant("/Date(1392224884577+0100)/"))
                .isEqualTo(Instant.ofEpochMilli(1392224884577L));
        assertThat(ExactDates.parseInstant("/Date(-1000)/")).isEqualTo(Instant.ofEpochMilli(-1000));
    }

    @Test
    void readsBusinessDatesInAmsterdam() {
        // 2026-01-31T23:00:00Z is midnight of 1 February in Amsterdam (winter, UTC+1).
        long ms = Instant.parse("2026-01-31T23:00:00Z").toEpochMilli();
        assertThat(ExactDates.parseLocalDate("/Date(" + ms + ")/")).isEqualTo(LocalDate.of(2026, 2, 1));
        long summer = Instant.parse("2026-06-30T22:00:00Z").toEpochMilli();
        assertThat(ExactDates.parseLocalDate("/Date(" + summer + ")/")).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void rejectsTextThatIsNotAnExactDate() {
        assertThatThrownBy(() -> ExactDates.parseInstant("2026-01-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsDatesWithoutOffset() {
        assertThat(ExactDates.format(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01-05T00:00:00");
    }

    @Test
    void writesODataLiterals() {
        UUID id = UUID.fromString("5b7f4515-0000-4000-8000-000000000001");
        assertThat(OData.guid(id)).isEqualTo("guid'5b7f4515-0000-4000-8000-000000000001'");
        assertThat(OData.string("O'Brien & Zn")).isEqualTo("'O''Brien & Zn'");
        assertThat(OData.datetime(LocalDate.of(2026, 1, 31))).isEqualTo("datetime'2026-01-31T00:00:00'");
        assertThat(OData.datetime(LocalDateTime.of(2026, 1, 31, 8, 5, 1))).isEqualTo("datetime'2026-01-31T08:05:01'");
        assertThat(OData.int64(123456789L)).isEqualTo("123456789L");
        assertThat(OData.eq("IsFullyPaid", OData.bool(false))).isEqualTo("IsFullyPaid eq false");
    }

    @Test
    void padsAccountCodesToEighteenCharactersRightAligned() {
        assertThat(AccountCode.padded("100042")).isEqualTo("            100042").hasSize(18);
        assertThat(AccountCode.padded("  255 ")).isEqualTo("               255");
        assertThat(AccountCode.trimmed("               255")).isEqualTo("255");
        assertThatThrownBy(() -> AccountCode.padded("1234567890123456789"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesQueryOptionsWithPercentTwentyForSpaces() {
        String query = ODataQuery.select("ID", "Code").filter("Code eq '    42'").top(1).toQueryString();

        assertThat(query).isEqualTo("$select=ID%2CCode&$filter=Code%20eq%20%27%20%20%20%2042%27&$top=1");
    }

    @Test
    void readsInt64AsTheJsonStringOfODataV2AndAsANumber() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"Timestamp\":\"9007199254740993\",\"HID\":42,\"Padded\":\" 7 \"}");
        ExactRow row = new ExactRow(json);

        // 2^53 + 1: a double would round it, the string keeps it.
        assertThat(row.int64("Timestamp")).isEqualTo(9_007_199_254_740_993L);
        assertThat(row.int64("HID")).isEqualTo(42L);
        assertThat(row.int64("Padded")).isEqualTo(7L);
    }
}
