package org.exactsync.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Exact cost center code of a CRM project, derived from its project number within Exact's 8 characters
 * ({@link ProjectLimits#CODE}). The rule (docs/project-flow.md):
 * <ol>
 * <li>Normalise: accents dropped, upper case, only A–Z and 0–9 kept ({@code P2026-007} → {@code P2026007}). Exact
 * codes are compared and filtered as plain strings; punctuation and lower case only invite near-duplicates.</li>
 * <li>Candidate 0: the normalised number itself when it has 1 to 8 characters.</li>
 * <li>Otherwise, and for every later candidate n: the last 5 characters of the normalised number (where project
 * numbers differ: the sequence) followed by a base-36 hash of the number and n, filling up to 8 characters.</li>
 * </ol>
 * The flow takes the first candidate that no Exact cost center of the division uses yet, so two numbers that shorten
 * alike get different codes. Once mapped, a project keeps its code forever (Exact changes a code only through its
 * recode function): the code is stored in the mapping, never derived again. Pure and deterministic.
 */
public final class CostCenterCodes {

    /** Characters kept from the number when it is too long or its plain form is taken. */
    static final int STEM = 5;
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CostCenterCodes() {
    }

    /** The number reduced to upper-case ASCII letters and digits. */
    public static String normalized(String number) {
        String decomposed = Normalizer.normalize(number, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Candidate {@code attempt} (0 first) for {@code number}; always 1–8 characters of A–Z/0–9. */
    public static String candidate(String number, int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be 0 or more");
        }
        String plain = normalized(number);
        if (attempt == 0 && !plain.isEmpty() && plain.length() <= ProjectLimits.CODE) {
            return plain;
        }
        String stem = plain.length() <= STEM ? plain : plain.substring(plain.length() - STEM);
        return stem + hash(number.strip() + "#" + attempt, ProjectLimits.CODE - stem.length());
    }

    /** The first {@code count} distinct candidates, in the order the flow tries them. */
    public static List<String> candidates(String number, int count) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int attempt = 0; distinct.size() < count; attempt++) {
            distinct.add(candidate(number, attempt));
        }
        return List.copyOf(distinct);
    }

    private static String hash(String text, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        char[] out = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = DIGITS.charAt((int) Long.remainderUnsigned(value, 36));
            value = Long.divideUnsigned(value, 36);
        }
        return new String(out);
    }
}
