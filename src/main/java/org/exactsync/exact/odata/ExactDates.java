package org.exactsync.exact.odata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact's date formats. Responses carry {@code /Date(ms)/} (milliseconds since the epoch, optionally with an offset
 * suffix as in {@code /Date(ms+0100)/}); requests take ISO text without offset (docs/exact-reference.md §1.6).
 */
public final class ExactDates {

    /**
     * Exact renders business dates as local midnight in the Netherlands, so a UTC reading of an entry date can land
     * on the previous day; dates are therefore read in this zone.
     */
    public static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Pattern DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ExactDates() {
    }

    /** The instant of a {@code /Date(ms)/} value; any offset suffix is informational (ms are already UTC). */
    public static Instant parseInstant(String value) {
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Exact /Date()/ value: " + value);
        }
        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
    }

    /** The calendar date Exact means by a {@code /Date(ms)/} value (read in {@link #EXACT_ZONE}). */
    public static LocalDate parseLocalDate(String value) {
        return parseInstant(value).atZone(EXACT_ZONE).toLocalDate();
    }

    /** A date as Exact wants it in a request body: midnight without offset ({@code 2026-01-31T00:00:00}). */
    public static String format(LocalDate date) {
        return ISO_LOCAL.format(date.atStartOfDay());
    }

    /** A local date-time as Exact wants it in a request body, without offset. */
    public static String format(LocalDateTime dateTime) {
        return ISO_LOCAL.format(dateTime);
    }
}
