package org.exactsync.mapping;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Check digits of Dutch and Belgian VAT numbers, so the data-quality report can flag a number that cannot be right
 * on either side before it is used to match relations.
 *
 * <ul>
 * <li>NL ({@code NL} + 9 digits + {@code B} + 2 digits): valid under either rule the Dutch tax office has used.
 * The number issued since 2020 (btw-id) passes ISO 7064 mod 97-10 over the whole identifier with letters as numbers
 * ({@code A}=10 … {@code Z}=35), remainder 1. The older numbers, derived from the fiscal number, pass the
 * "eleven test" over the 9 digits: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.</li>
 * <li>BE ({@code BE} + 10 digits): the last two digits are 97 minus the first eight modulo 97.</li>
 * </ul>
 * Other countries are not checked here (their rules differ per state); their numbers are never reported as failing.
 */
public final class VatCheckDigits {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private VatCheckDigits() {
    }

    /** True when the number has a checkable country prefix and its check digits fail; the value is compacted first. */
    public static boolean fails(String vatNumber) {
        return problem(vatNumber).isPresent();
    }

    /** Why the check digits fail (no echo of the number), or empty when they pass or the country is not checked. */
    public static Optional<String> problem(String vatNumber) {
        if (vatNumber == null || vatNumber.isBlank()) {
            return Optional.empty();
        }
        String compact = VatNumbers.compact(vatNumber);
        if (compact.startsWith("NL")) {
            if (!compact.matches("NL\\d{9}B\\d{2}")) {
                return Optional.of("not the NL shape (NL, 9 digits, B, 2 digits)");
            }
            return passesMod97(compact) || passesElevenTest(compact.substring(2, 11)) ? Optional.empty()
                    : Optional.of("NL check digits fail (neither the mod-97 nor the eleven test)");
        }
        if (compact.startsWith("BE")) {
            if (!compact.matches("BE[01]\\d{9}")) {
                return Optional.of("not the BE shape (BE, 10 digits starting with 0 or 1)");
            }
            return belgianCheck(compact.substring(2)) ? Optional.empty()
                    : Optional.of("BE check digits fail (97 minus the first eight digits modulo 97)");
        }
        return Optional.empty();
    }

    /** ISO 7064 mod 97-10 over the identifier with letters as two-digit numbers. */
    static boolean passesMod97(String identifier) {
        StringBuilder digits = new StringBuilder();
        for (char c : identifier.toCharArray()) {
            if (Character.isLetter(c)) {
                digits.append(c - 'A' + 10);
            } else {
                digits.append(c);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** The eleven test over nine digits: weights 9 … 2 on the first eight, −1 on the last. */
    static boolean passesElevenTest(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static boolean belgianCheck(String tenDigits) {
        long firstEight = Long.parseLong(tenDigits.substring(0, 8));
        int check = Integer.parseInt(tenDigits.substring(8));
        return 97 - (firstEight % 97) == check;
    }
}
