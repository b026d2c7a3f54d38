package org.exactsync.sandbox.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.ExactValues;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static final UUID ID = UUID.fromString("5b7f4515-0f8c-4c6e-9d0a-1c2b3a4d5e6f");

    private static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("ID", ID);
        row.put("Code", "            100042");
        row.put("Name", "Bakkerij 't Hoekje");
        row.put("Amount", new BigDecimal("121.50"));
        row.put("Count", 7);
        row.put("Timestamp", 123456789L);
        row.put("IsFullyPaid", false);
        row.put("Modified", ExactValues.parseDate("2026-01-31T12:00:00", "Modified"));
        row.put("Parent", null);
        return row;
    }

    private static boolean matches(String filter) {
        return Boolean.TRUE.equals(FilterParser.parse(filter).evaluate(row()));
    }

    @Test
    void comparesWithEveryOperator() {
        assertThat(matches("Count eq 7")).isTrue();
        assertThat(matches("Count ne 7")).isFalse();
        assertThat(matches("Count gt 6")).isTrue();
        assertThat(matches("Count ge 7")).isTrue();
        assertThat(matches("Count lt 7")).isFalse();
        assertThat(matches("Count le 7")).isTrue();
    }

    @Test
    void combinesWithAndOrNotAndParentheses() {
        assertThat(matches("Count eq 7 and IsFullyPaid eq false")).isTrue();
        assertThat(matches("Count eq 8 or IsFullyPaid eq false")).isTrue();
        assertThat(matches("not (Count eq 7)")).isFalse();
        assertThat(matches("(Count eq 8 or Count eq 7) and not IsFullyPaid eq true")).isTrue();
        assertThat(matches("Count eq 8 or Count eq 9 and Count eq 7")).isFalse();
    }

    @Test
    void readsGuidLiterals() {
        assertThat(matches("ID eq guid'" + ID + "'")).isTrue();
        assertThat(matches("ID eq guid'" + UUID.randomUUID() + "'")).isFalse();
    }

    @Test
    void rejectsMalformedGuidLiteral() {
        assertThatThrownBy(() -> FilterParser.parse("ID eq guid'not-a-guid'"))
                .isInstanceOf(ExactFault.class).extracting("status").isEqualTo(400);
    }

    @Test
    void readsDatetimeLiteralsWithAndWithoutTime() {
        assertThat(matches("Modified gt datetime'2026-01-31'")).isTrue();
        assertThat(matches("Modified lt datetime'2026-01-31T12:00:01'")).isTrue();
        assertThat(matches("Modified eq datetime'2026-01-31T12:00:00'")).isTrue();
        assertThat(matches("Modified ge datetime'2026-02-01'")).isFalse();
    }

    @Test
    void readsInt64LiteralsWithLSuffix() {
        assertThat(matches("Timestamp gt 123456788L")).isTrue();
        assertThat(matches("Timestamp gt 123456789L")).isFalse();
        assertThat(FilterParser.parse("Timestamp gt 5L")).isEqualTo(new FilterNode.Comparison("gt",
                new FilterNode.Property("Timestamp"), new FilterNode.Literal(5L)));
    }

    @Test
    void readsDecimalsAndIntegers() {
        assertThat(matches("Amount eq 121.5")).isTrue();
        assertThat(matches("Amount gt 121")).isTrue();
        assertThat(matches("Amount lt -1")).isFalse();
    }

    @Test
    void readsBooleansAndNull() {
        assertThat(matches("IsFullyPaid eq false")).isTrue();
        assertThat(matches("Parent eq null")).isTrue();
        assertThat(matches("Name ne null")).isTrue();
    }

    @Test
    void unescapesDoubledQuotesInStrings() {
        assertThat(matches("Name eq 'Bakkerij ''t Hoekje'")).isTrue();
    }

    @Test
    void comparesPaddedCodesExactlyAndTrimmedWithTrim() {
        assertThat(matches("Code eq '100042'")).isFalse();
        assertThat(matches("Code eq '            100042'")).isTrue();
        assertThat(matches("trim(Code) eq '100042'")).isTrue();
    }

    @Test
    void findsSubstringsWithSubstringof() {
        assertThat(matches("substringof('Hoekje', Name) eq true")).isTrue();
        assertThat(matches("substringof('Hoekje', Name)")).isTrue();
        assertThat(matches("substringof('Bakker X', Name)")).isFalse();
    }

    @Test
    void supportsCaseAndAffixFunctions() {
        assertThat(matches("tolower(Name) eq 'bakkerij ''t hoekje'")).isTrue();
        assertThat(matches("toupper(Name) eq 'BAKKERIJ ''T HOEKJE'")).isTrue();
        assertThat(matches("startswith(Name, 'Bakkerij')")).isTrue();
        assertThat(matches("endswith(Name, 'Hoekje') and not startswith(Name, 'Hoekje')")).isTrue();
    }

    @Test
    void rejectsComparingGuidPropertyWithPlainString() {
        assertThatThrownBy(() -> matches("ID eq '" + ID + "'"))
                .isInstanceOf(ExactFault.class).hasMessageContaining("incompatible");
    }

    @Test
    void rejectsSyntaxErrors() {
        for (String bad : new String[] {"Count eq", "Count eq 7 and", "(Count eq 7", "Count eq 7)", "eq 7",
                "Name eq 'open", "Count equals 7", ""}) {
            assertThatThrownBy(() -> FilterParser.parse(bad)).as(bad)
                    .isInstanceOf(ExactFault.class).extracting("status").isEqualTo(400);
        }
    }

    @Test
    void rejectsUnknownFunctions() {
        assertThatThrownBy(() -> FilterParser.parse("length(Name) eq 3"))
                .isInstanceOf(ExactFault.class).hasMessageContaining("Unknown function");
    }

    @Test
    void datetimeWithoutOffsetIsDutchLocalTime() {
        Object literal = ((FilterNode.Comparison) FilterParser.parse("Modified eq datetime'2026-07-01T00:00:00'"))
                .right().evaluate(Map.of());
        assertThat(literal).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }
}
