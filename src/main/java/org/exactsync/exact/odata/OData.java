package org.exactsync.exact.odata;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** OData v2 literals as Exact parses them in {@code $filter} and key segments (docs/exact-reference.md §1.6). */
public final class OData {

    private OData() {
    }

    /** {@code 'text'}; a single quote is escaped by doubling it. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code guid'…'}. */
    public static String guid(UUID id) {
        return "guid'" + id + "'";
    }

    /** {@code datetime'2026-01-31T00:00:00'} (local, no offset: Exact reads it as its own local time). */
    public static String datetime(LocalDateTime value) {
        return "datetime'" + ExactDates.format(value) + "'";
    }

    /** {@code datetime'2026-01-31T00:00:00'} for a date. */
    public static String datetime(LocalDate value) {
        return datetime(value.atStartOfDay());
    }

    /** Int64 with Exact's {@code L} suffix, e.g. sync {@code Timestamp gt 123L}. */
    public static String int64(long value) {
        return value + "L";
    }

    /** Int32/Int16 are bare numerals. */
    public static String int32(int value) {
        return Integer.toString(value);
    }

    /** {@code true}/{@code false}. */
    public static String bool(boolean value) {
        return Boolean.toString(value);
    }

    /** {@code Field eq literal}. */
    public static String eq(String field, String literal) {
        return field + " eq " + literal;
    }
}
