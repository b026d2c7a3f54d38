package org.exactsync.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VAT number formats. The CRM may send {@code "NL 1234.56.789.B01"}; Exact stores what it gets and the lookup by
 * VAT number is an exact comparison, so the connector always sends the compact upper-case form.
 */
public final class VatNumbers {

    private static final Map<String, Pattern> BY_PREFIX = Map.of(
            "NL", Pattern.compile("NL\\d{9}B\\d{2}"),
            "BE", Pattern.compile("BE[01]\\d{9}"),
            "DE", Pattern.compile("DE\\d{9}"),
            "FR", Pattern.compile("FR[0-9A-HJ-NP-Z]{2}\\d{9}"),
            "LU", Pattern.compile("LU\\d{8}"),
            "AT", Pattern.compile("ATU\\d{8}"));

    /** Other EU states: prefix and 2–12 letters or digits (their exact shapes vary too much to list here). */
    private static final Pattern GENERIC_EU = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,12}");

    private VatNumbers() {
    }

    /** Spaces, dots and dashes removed, upper case. */
    public static String compact(String vatNumber) {
        return vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** Empty when {@code vatNumber} is well-formed, else why not (no echo of the value). */
    public static Optional<String> problem(String vatNumber) {
        String compact = compact(vatNumber);
        if (compact.length() < 4) {
            return Optional.of("must start with a two-letter country prefix followed by the number");
        }
        String prefix = compact.substring(0, 2);
        Pattern specific = BY_PREFIX.get(prefix);
        if (specific != null) {
            return specific.matcher(compact).matches() ? Optional.empty()
                    : Optional.of("is not a valid " + prefix + " VAT number (" + shape(prefix) + ")");
        }
        if (!Countries.isEuVatPrefix(prefix)) {
            return Optional.of("must start with an EU VAT prefix (e.g. NL, BE, DE; EL for Greece)");
        }
        return GENERIC_EU.matcher(compact).matches() ? Optional.empty()
                : Optional.of("must be the prefix followed by 2 to 12 letters or digits");
    }

    private static String shape(String prefix) {
        return switch (prefix) {
            case "NL" -> "NL, 9 digits, B, 2 digits";
            case "BE" -> "BE, 10 digits starting with 0 or 1";
            case "DE" -> "DE, 9 digits";
            case "FR" -> "FR, 2 check characters, 9 digits";
            case "LU" -> "LU, 8 digits";
            case "AT" -> "ATU, 8 digits";
            default -> "prefix and digits";
        };
    }
}
