package org.exactsync.exact.odata;

/**
 * Exact stores relation codes as 18-character, right-aligned, space-padded strings, and {@code Code eq '100042'}
 * finds nothing: filters must carry the padded form, while the domain compares the trimmed one (docs/exact-reference.md
 * §1.6, §8.3).
 */
public final class AccountCode {

    public static final int WIDTH = 18;

    private AccountCode() {
    }

    /** The form used in {@code $filter} and in request bodies, e.g. {@code "            100042"}. */
    public static String padded(String code) {
        String trimmed = trimmed(code);
        if (trimmed.length() > WIDTH) {
            throw new IllegalArgumentException("Exact account codes have at most " + WIDTH + " characters");
        }
        return " ".repeat(WIDTH - trimmed.length()) + trimmed;
    }

    /** The form the domain compares ({@code null} stays {@code null}). */
    public static String trimmed(String code) {
        return code == null ? null : code.strip();
    }
}
