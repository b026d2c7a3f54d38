package org.exactsync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.validation.Problem;

/**
 * Checks the raw {@code data} of an {@code invoice.created} event before anything is stored or sent: types, required
 * fields, decimal strings with at most 2 decimals, VAT category/rate combinations, signs, and that the totals are the
 * line sums to the cent. A wrong total is refused with the difference named rather than booked: Exact must end with
 * exactly the CRM's totals, and a booking that does not balance costs one of Exact's 10 errors per hour. Pure.
 */
public final class InvoiceValidator {

    /** {@code YourRef} holds the number; Exact publishes no length, 30 is the smallest any integrator reports. */
    static final int NUMBER = 30;
    /** Exact publishes no length for entry descriptions; longer texts are refused rather than cut. */
    static final int DESCRIPTION = 255;
    static final int MAX_LINES = 500;

    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern RATE = Pattern.compile("\\d{1,3}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> KINDS = Set.of(InvoiceCreated.INVOICE, InvoiceCreated.CREDIT_NOTE);
    /** Categories whose VAT is not charged on the invoice: rate and VAT amount must be 0. */
    private static final Set<String> ZERO_CATEGORIES = Set.of("zero", "exempt", "reverse-charge", "intra-eu",
            "export");
    private static final Set<String> CHARGED_CATEGORIES = Set.of("standard", "reduced");
    /** A line's VAT may differ from amount × rate by the CRM's own rounding, never by more than a cent. */
    private static final BigDecimal LINE_VAT_TOLERANCE = new BigDecimal("0.01");

    public List<Problem> validate(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        if (data == null || !data.isObject()) {
            problems.add(new Problem("data", "must be an object"));
            return problems;
        }
        Fields f = new Fields("data", data, problems);
        f.text("id", true, FieldLimits.CRM_ID);
        f.text("number", true, NUMBER);
        String kind = f.text("kind", true, 20);
        if (kind != null && !KINDS.contains(kind)) {
            problems.add(new Problem("data.kind", "must be invoice or credit-note"));
        }
        String credited = f.text("creditedInvoiceId", false, FieldLimits.CRM_ID);
        if (credited != null && InvoiceCreated.INVOICE.equals(kind)) {
            problems.add(new Problem("data.creditedInvoiceId", "is only allowed on a credit note"));
        }
        f.text("relationId", true, FieldLimits.CRM_ID);
        LocalDate date = f.date("date", true);
        LocalDate due = f.date("dueDate", false);
        if (date != null && due != null && due.isBefore(date)) {
            problems.add(new Problem("data.dueDate", "is before the invoice date"));
        }
        String currency = f.text("currency", true, 3);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            problems.add(new Problem("data.currency", "must be an ISO 4217 code such as EUR"));
        }
        f.text("description", false, DESCRIPTION);
        f.text("pdfUrl", false, 2000);
        Sums sums = lines(data.get("lines"), problems);
        BigDecimal excl = f.amount("totalExclVat", true);
        BigDecimal vat = f.amount("totalVat", true);
        BigDecimal incl = f.amount("totalInclVat", true);
        if (sums != null) {
            total("data.totalExclVat", excl, sums.amount(), "the line amounts", problems);
            total("data.totalVat", vat, sums.vat(), "the line VAT amounts", problems);
        }
        if (excl != null && vat != null && incl != null) {
            total("data.totalInclVat", incl, excl.add(vat), "totalExclVat + totalVat", problems);
        }
        if (incl != null && InvoiceCreated.INVOICE.equals(kind) && incl.signum() < 0) {
            problems.add(new Problem("data.totalInclVat", "is negative: send a credit note (kind credit-note)"));
        }
        if (incl != null && InvoiceCreated.CREDIT_NOTE.equals(kind) && incl.signum() >= 0) {
            problems.add(new Problem("data.totalInclVat", "must be negative on a credit note"));
        }
        return problems;
    }

    private static void total(String path, BigDecimal stated, BigDecimal computed, String what,
            List<Problem> problems) {
        if (stated != null && stated.compareTo(computed) != 0) {
            problems.add(new Problem(path, "is " + stated.toPlainString() + " but " + what + " sum to "
                    + computed.toPlainString() + " (difference " + stated.subtract(computed).toPlainString() + ")"));
        }
    }

    /** Returns the sums, or null when a line amount is unusable (then no total can be checked). */
    private static Sums lines(JsonNode lines, List<Problem> problems) {
        if (lines == null || lines.isNull()) {
            problems.add(new Problem("data.lines", "is required: at least one line"));
            return null;
        }
        if (!lines.isArray()) {
            problems.add(new Problem("data.lines", "must be an array"));
            return null;
        }
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            problems.add(new Problem("data.lines", "must hold 1 to " + MAX_LINES + " lines"));
            return null;
        }
        BigDecimal amountSum = BigDecimal.ZERO;
        BigDecimal vatSum = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < lines.size(); i++) {
            String path = "data.lines[" + i + "]";
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                problems.add(new Problem(path, "must be an object"));
                complete = false;
                continue;
            }
            Fields f = new Fields(path, line, problems);
            f.text("description", false, DESCRIPTION);
            f.text("revenueAccount", true, FieldLimits.CRM_ID);
            f.text("projectId", false, FieldLimits.CRM_ID);
            BigDecimal amount = f.amount("amount", true);
            BigDecimal vat = f.amount("vatAmount", true);
            BigDecimal rate = f.rate("vatRate");
            String category = f.text("vatCategory", true, 20);
            if (category != null && !ZERO_CATEGORIES.contains(category) && !CHARGED_CATEGORIES.contains(category)) {
                problems.add(new Problem(path + ".vatCategory", "must be one of standard, reduced, zero, exempt, "
                        + "reverse-charge, intra-eu, export"));
                category = null;
            }
            lineVat(path, category, rate, amount, vat, problems);
            if (amount == null || vat == null) {
                complete = false;
            } else {
                amountSum = amountSum.add(amount);
                vatSum = vatSum.add(vat);
            }
        }
        return complete ? new Sums(amountSum, vatSum) : null;
    }

    private static void lineVat(String path, String category, BigDecimal rate, BigDecimal amount, BigDecimal vat,
            List<Problem> problems) {
        if (category != null && rate != null) {
            if (ZERO_CATEGORIES.contains(category) && rate.signum() != 0) {
                problems.add(new Problem(path + ".vatRate", "must be 0 for VAT category " + category));
            }
            if (CHARGED_CATEGORIES.contains(category) && rate.signum() == 0) {
                problems.add(new Problem(path + ".vatRate", "must be above 0 for VAT category " + category));
            }
        }
        if (amount == null || vat == null) {
            return;
        }
        if (vat.signum() != 0 && vat.signum() != amount.signum()) {
            problems.add(new Problem(path + ".vatAmount", "must have the sign of the line amount"));
            return;
        }
        if (rate != null) {
            BigDecimal expected = amount.multiply(rate).movePointLeft(2);
            BigDecimal off = vat.subtract(expected).abs();
            if (off.compareTo(LINE_VAT_TOLERANCE) > 0) {
                problems.add(new Problem(path + ".vatAmount", "differs from amount × vatRate ("
                        + expected.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ") by more than 0.01"));
            }
        }
    }

    private record Sums(BigDecimal amount, BigDecimal vat) {
    }

    /** Typed reads of one object's fields, recording a problem per unusable field. */
    private record Fields(String path, JsonNode node, List<Problem> problems) {

        String text(String field, boolean required, int max) {
            JsonNode v = node.get(field);
            String at = path + "." + field;
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(new Problem(at, "is required"));
                }
                return null;
            }
            if (!v.isTextual()) {
                problems.add(new Problem(at, "must be a string"));
                return null;
            }
            String s = v.asText();
            if (required && s.isBlank()) {
                problems.add(new Problem(at, "must not be blank"));
                return null;
            }
            if (s.codePointCount(0, s.length()) > max) {
                problems.add(new Problem(at, "is longer than " + max + " characters"));
                return null;
            }
            return s;
        }

        BigDecimal amount(String field, boolean required) {
            String s = text(field, required, 20);
            if (s == null) {
                return null;
            }
            if (!AMOUNT.matcher(s).matches()) {
                problems.add(new Problem(path + "." + field,
                        "must be a decimal string with at most 2 decimals, e.g. \"1210.00\""));
                return null;
            }
            return new BigDecimal(s);
        }

        BigDecimal rate(String field) {
            String s = text(field, true, 10);
            if (s == null) {
                return null;
            }
            if (!RATE.matcher(s).matches() || new BigDecimal(s).compareTo(new BigDecimal("100")) > 0) {
                problems.add(new Problem(path + "." + field, "must be a percentage string from 0 to 100, e.g. \"21\""));
                return null;
            }
            return new BigDecimal(s);
        }

        LocalDate date(String field, boolean required) {
            String s = text(field, required, 10);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(path + "." + field, "must be an ISO date YYYY-MM-DD"));
                return null;
            }
        }
    }
}
