package org.exactsync.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Conversions between what a client sends or reads and what a {@link Table} row holds, shared by every
 * {@link EntitySet} so that all endpoints read input and render dates the same way.
 *
 * <p>Dates: Exact works in Dutch local time (docs/exact-reference.md §1.6, mission "dates come back as /Date(ms)/ in
 * Dutch local time"). The sandbox therefore reads an ISO value without offset ({@code 2026-11-26T00:00:00} or
 * {@code 2026-11-26}) as Europe/Amsterdam wall time, and renders an instant as {@code /Date(ms)/} where {@code ms}
 * is that instant's Amsterdam wall time counted as if it were UTC. A business date sent as midnight therefore comes
 * back as midnight when the client reads the milliseconds as UTC, which is how peers decode it.
 */
public final class ExactValues {

    /** The zone Exact's wall-clock dates live in. */
    public static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");

    private ExactValues() {
    }

    /** Reads an input date: ISO date, ISO local date-time (Amsterdam), or ISO with offset/Z; null stays null. */
    public static Instant parseDate(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = value.toString().trim();
        try {
            if (text.startsWith("/Date(")) {
                return fromWallMillis(Long.parseLong(text.substring(6, text.indexOf(')'))));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(EXACT_ZONE).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(EXACT_ZONE).toInstant();
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw ExactFault.badRequest("Invalid: " + field);
        }
    }

    /** Reads an amount sent as a JSON number or a numeric string (peers send strings to avoid float loss). */
    public static BigDecimal parseAmount(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ExactFault.badRequest("Invalid: " + field);
        }
    }

    /** Reads an Int32 sent as a number or numeric string. */
    public static Integer parseInt(Object value, String field) {
        BigDecimal amount = parseAmount(value, field);
        if (amount == null) {
            return null;
        }
        try {
            return amount.intValueExact();
        } catch (ArithmeticException e) {
            throw ExactFault.badRequest("Invalid: " + field);
        }
    }

    /** Reads a boolean sent as JSON boolean or "true"/"false". */
    public static Boolean parseBoolean(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return Boolean.FALSE;
        }
        throw ExactFault.badRequest("Invalid: " + field);
    }

    /** Reads a GUID; Exact answers a malformed one with "Niet herkende GUID-indeling" (docs/exact-reference.md §4.3). */
    public static UUID parseGuid(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof UUID uuid) {
            return uuid;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ExactFault.badRequest("Niet herkende GUID-indeling");
        }
    }

    /** Reads a string value; numbers are accepted and turned into their text. */
    public static String parseString(Object value) {
        return value == null ? null : value.toString();
    }

    /** The {@code /Date(ms)/} text Exact returns for an instant (Amsterdam wall time counted as UTC). */
    public static String renderDate(Instant instant) {
        return "/Date(" + wallMillis(instant) + ")/";
    }

    /** Amsterdam wall time of {@code instant}, as epoch milliseconds read as UTC. */
    public static long wallMillis(Instant instant) {
        return LocalDateTime.ofInstant(instant, EXACT_ZONE).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Inverse of {@link #wallMillis(Instant)}. */
    public static Instant fromWallMillis(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).atZone(EXACT_ZONE).toInstant();
    }

    /** Midnight (Amsterdam) of a business date, the instant the sandbox stores for date-only fields. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(EXACT_ZONE).toInstant();
    }

    /** The Amsterdam calendar date of a stored instant. */
    public static LocalDate localDate(Instant instant) {
        return LocalDateTime.ofInstant(instant, EXACT_ZONE).toLocalDate();
    }

    /** Right-aligns a code in a fixed width with spaces, as Exact stores account (18) and VAT (3) codes. */
    public static String padLeft(String code, int width) {
        String trimmed = code.trim();
        if (trimmed.length() >= width) {
            return trimmed;
        }
        return " ".repeat(width - trimmed.length()) + trimmed;
    }

    /** Left-aligns a code in a fixed width, as Exact returns country ({@code 'NL '}) and VAT codes ({@code '2  '}). */
    public static String padRight(String code, int width) {
        String trimmed = code.trim();
        if (trimmed.length() >= width) {
            return trimmed;
        }
        return trimmed + " ".repeat(width - trimmed.length());
    }
}
