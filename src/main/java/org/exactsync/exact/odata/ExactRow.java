package org.exactsync.exact.odata;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One record as Exact returned it, read through typed accessors so that flows never handle raw maps or JSON. Absent
 * and JSON-null properties read as {@code null}; dates are decoded from {@code /Date(ms)/}.
 */
public final class ExactRow {

    private final JsonNode node;

    public ExactRow(JsonNode node) {
        this.node = node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String string(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The text with Exact's fixed-width padding removed (codes, country, VAT codes). */
    public String trimmed(String field) {
        String s = string(field);
        return s == null ? null : s.strip();
    }

    public UUID uuid(String field) {
        String s = string(field);
        return s == null || s.isBlank() ? null : UUID.fromString(s);
    }

    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.intValue() : Integer.valueOf(v.asText().strip());
    }

    /** Int64 values such as sync {@code Timestamp}; some serialisers send them as strings. */
    public Long int64(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.longValue() : Long.valueOf(v.asText().strip());
    }

    public BigDecimal decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.booleanValue() : Boolean.valueOf(v.asText());
    }

    public Instant instant(String field) {
        String s = string(field);
        return s == null ? null : ExactDates.parseInstant(s);
    }

    /** A business date (entry date, due date) as Exact means it, in Europe/Amsterdam. */
    public LocalDate localDate(String field) {
        String s = string(field);
        return s == null ? null : ExactDates.parseLocalDate(s);
    }

    /** An embedded record (e.g. an expanded navigation property), if present. */
    public Optional<ExactRow> child(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isObject() ? Optional.empty() : Optional.of(new ExactRow(v));
    }

    /** The JSON behind the row, for mappers that need a property this class has no accessor for. */
    public JsonNode json() {
        return node;
    }

    @Override
    public String toString() {
        // Rows carry personal data (names, e-mails): only the type is safe to print.
        JsonNode meta = node.path("__metadata").path("type");
        return "ExactRow[" + (meta.isMissingNode() ? "?" : meta.asText()) + "]";
    }
}
