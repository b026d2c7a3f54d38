package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exactsync.sandbox.ExactFault;

/**
 * Reads values out of a parsed JSON request body the way Exact accepts them: amounts as numbers or decimal strings
 * (peers send strings to avoid float loss), GUIDs as strings, dates as ISO strings without offset.
 */
final class BodyValues {

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");
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
     * A business date. Exact wants dates sent without offset (§1.6); the sandbox keeps only the calendar day, as UTC
     * midnight, so that an offset sent by a client cannot move an invoice into another period.
     */
    static LocalDate date(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        return date(value, field);
    }

    static LocalDate date(Object value, String field) {
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        String text = value.toString().trim();
        Matcher ms = MS_DATE.matcher(text);
        if (ms.matches()) {
            return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(ms.group(1))), ZoneOffset.UTC);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toLocalDate();
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw ExactFault.badRequest("Ongeldig: " + field);
        }
    }

    static Instant midnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String trimmed(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
