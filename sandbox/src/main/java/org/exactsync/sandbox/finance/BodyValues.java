package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.ExactValues;

/**
 * Reads values out of a parsed JSON request body the way Exact accepts them: amounts as numbers or decimal strings
 * (peers send strings to avoid float loss), GUIDs as strings, dates as ISO strings without offset.
 */
final class BodyValues {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private BodyValues() {
    }

    static boolean present(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    static String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    /** Amounts are kept at two decimals, as Exact stores them. */
    static BigDecimal amount(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
            return decimal.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw ExactFault.badRequest("Ongeldig: " + field);
        }
    }

    static Integer integer(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ExactFault.badRequest("Ongeldig: " + field);
        }
    }

    /** A GUID; Exact answers a malformed one with its Dutch "Niet herkende GUID-indeling" (§4.3). */
    static UUID guid(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        return guid(value);
    }

    static UUID guid(Object value) {
        if (value instanceof UUID uuid) {
            return uuid;
        }
        String text = value.toString().trim();
        if (text.startsWith("guid'") && text.endsWith("'")) {
            text = text.substring(5, text.length() - 1);
        }
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        if (!GUID.matcher(text).matches()) {
            throw ExactFault.badRequest("Niet herkende GUID-indeling");
        }
        return UUID.fromString(text);
    }

    static boolean isGuidText(String text) {
        return text != null && GUID.matcher(text.trim()).matches();
    }

    /**
     * A business date. Exact keeps dates as Dutch wall-clock days (§1.6); the sandbox reads them with the core's
     * {@link ExactValues} rules and keeps only the calendar day, stored as Amsterdam midnight.
     */
    static LocalDate date(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        return date(value, field);
    }

    static LocalDate date(Object value, String field) {
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        return ExactValues.localDate(ExactValues.parseDate(value, field));
    }

    static Instant midnight(LocalDate date) {
        return date == null ? null : ExactValues.startOfDay(date);
    }

    /** Today in Exact's zone. */
    static LocalDate today(Clock clock) {
        return ExactValues.localDate(clock.instant());
    }

    static String trimmed(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
