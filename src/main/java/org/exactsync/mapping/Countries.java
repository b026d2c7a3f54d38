package org.exactsync.mapping;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes as the JDK knows them, and the EU member states' VAT prefixes. */
public final class Countries {

    private static final Set<String> ISO_ALPHA_2 =
            Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /** VAT prefixes of the EU states: Greece uses {@code EL}, not its ISO code {@code GR}; XI is Northern Ireland. */
    private static final Set<String> EU_VAT_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL",
            "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
            "XI");

    private Countries() {
    }

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code (upper case, as the contract requires). */
    public static boolean isKnown(String code) {
        return code != null && ISO_ALPHA_2.contains(code);
    }

    public static boolean isEuVatPrefix(String prefix) {
        return EU_VAT_PREFIXES.contains(prefix);
    }
}
