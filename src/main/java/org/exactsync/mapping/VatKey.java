package org.exactsync.mapping;

import java.math.BigDecimal;

/**
 * The CRM's VAT classification of a line: category plus rate. The ledger mapping turns it into the division's VAT
 * code. The rate is normalised ({@code "21.00"} and {@code "21"} are the same key) so a CRM that formats rates
 * differently from the configuration still matches.
 *
 * @param category e.g. {@code standard}
 * @param rate     percentage without trailing zeros, e.g. {@code 21} or {@code 5.5}
 */
public record VatKey(String category, String rate) {

    /** Builds a key from the CRM's strings; {@code rate} must be a decimal number. */
    public static VatKey of(String category, String rate) {
        return new VatKey(category, normalise(rate));
    }

    /** Parses the configuration form {@code category|rate}. */
    public static VatKey parse(String key) {
        int bar = key.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("a VAT key reads category|rate");
        }
        return of(key.substring(0, bar), key.substring(bar + 1));
    }

    /** The configuration form {@code category|rate}, e.g. {@code standard|21}. */
    public String key() {
        return category + "|" + rate;
    }

    private static String normalise(String rate) {
        BigDecimal value = new BigDecimal(rate.strip()).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
