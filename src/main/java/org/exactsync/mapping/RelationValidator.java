package org.exactsync.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.validation.Problem;

/**
 * Checks the raw {@code data} of a {@code relation.upserted} event before anything is stored or sent: JSON types,
 * required fields, formats and Exact's field lengths ({@link FieldLimits}). Every problem names its JSON path from
 * the envelope root; messages never echo the value (it may be personal data). Pure and stateless.
 */
public final class RelationValidator {

    private static final Set<String> ROLES = Set.of("customer", "supplier");
    /** Deliberately loose: one @, a dot in the domain, no spaces. Exact itself does not check e-mail syntax. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./\\-]{3,}");
    private static final Pattern KVK = Pattern.compile("\\d{8}");

    public List<Problem> validate(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        if (data == null || !data.isObject()) {
            problems.add(new Problem("data", "must be an object"));
            return problems;
        }
        Checker check = new Checker("data", data, problems);
        check.requiredText("id", FieldLimits.CRM_ID);
        check.requiredText("name", FieldLimits.NAME);
        roles(data.get("roles"), problems);
        String country = address(data.get("address"), problems);
        check.optionalText("email", FieldLimits.EMAIL)
                .ifPresent(v -> check.format("email", v, EMAIL, "is not an e-mail address"));
        check.optionalText("phone", FieldLimits.PHONE)
                .ifPresent(v -> check.format("phone", v, PHONE, "is not a phone number"));
        check.optionalText("vatNumber", Integer.MAX_VALUE).ifPresent(v -> vatNumber(v, problems));
        check.optionalText("chamberOfCommerce", FieldLimits.CHAMBER_OF_COMMERCE).ifPresent(v -> {
            if ((country == null || "NL".equals(country)) && !KVK.matcher(v).matches()) {
                problems.add(new Problem("data.chamberOfCommerce", "a Dutch KvK number has exactly 8 digits"));
            }
        });
        paymentTerm(data.get("paymentTermDays"), problems);
        contacts(data.get("contacts"), problems);
        return problems;
    }

    private static void roles(JsonNode roles, List<Problem> problems) {
        String path = "data.roles";
        if (roles == null || roles.isNull()) {
            problems.add(new Problem(path, "is required: [\"customer\"], [\"supplier\"] or both"));
            return;
        }
        if (!roles.isArray()) {
            problems.add(new Problem(path, "must be an array"));
            return;
        }
        if (roles.isEmpty()) {
            problems.add(new Problem(path, "must name at least one role: customer or supplier"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            JsonNode role = roles.get(i);
            String rolePath = path + "[" + i + "]";
            if (!role.isTextual()) {
                problems.add(new Problem(rolePath, "must be a string"));
            } else if (!ROLES.contains(role.asText())) {
                problems.add(new Problem(rolePath, "must be customer or supplier"));
            } else if (!seen.add(role.asText())) {
                problems.add(new Problem(rolePath, "is listed twice"));
            }
        }
    }

    /** Returns the country when it is valid (the KvK rule depends on it). */
    private static String address(JsonNode address, List<Problem> problems) {
        if (address == null || address.isNull()) {
            return null;
        }
        if (!address.isObject()) {
            problems.add(new Problem("data.address", "must be an object"));
            return null;
        }
        Checker check = new Checker("data.address", address, problems);
        check.optionalText("line1", FieldLimits.ADDRESS_LINE);
        check.optionalText("line2", FieldLimits.ADDRESS_LINE);
        check.optionalText("postcode", FieldLimits.POSTCODE);
        check.optionalText("city", FieldLimits.CITY);
        String country = check.requiredText("country", Integer.MAX_VALUE);
        if (country != null && !Countries.isKnown(country)) {
            problems.add(new Problem("data.address.country", "must be an ISO 3166-1 alpha-2 code in upper case"));
            return null;
        }
        return country;
    }

    private static void vatNumber(String value, List<Problem> problems) {
        String compact = VatNumbers.compact(value);
        if (compact.length() > FieldLimits.VAT_NUMBER) {
            problems.add(new Problem("data.vatNumber", "is longer than " + FieldLimits.VAT_NUMBER
                    + " characters"));
            return;
        }
        VatNumbers.problem(value).ifPresent(message -> problems.add(new Problem("data.vatNumber", message)));
    }

    private static void paymentTerm(JsonNode days, List<Problem> problems) {
        if (days == null || days.isNull()) {
            return;
        }
        if (!days.isIntegralNumber() || !days.canConvertToInt()) {
            problems.add(new Problem("data.paymentTermDays", "must be a whole number of days"));
        } else if (days.intValue() < 0 || days.intValue() > FieldLimits.MAX_PAYMENT_TERM_DAYS) {
            problems.add(new Problem("data.paymentTermDays", "must be between 0 and "
                    + FieldLimits.MAX_PAYMENT_TERM_DAYS));
        }
    }

    private static void contacts(JsonNode contacts, List<Problem> problems) {
        if (contacts == null || contacts.isNull()) {
            return;
        }
        if (!contacts.isArray()) {
            problems.add(new Problem("data.contacts", "must be an array"));
            return;
        }
        if (contacts.size() > FieldLimits.MAX_CONTACTS) {
            // Each contact is an Exact POST inside one invocation and one division's minute budget.
            problems.add(new Problem("data.contacts", "has " + contacts.size() + " contacts; at most "
                    + FieldLimits.MAX_CONTACTS + " per relation"));
            return;
        }
        Set<String> ids = new HashSet<>();
        int mains = 0;
        for (int i = 0; i < contacts.size(); i++) {
            String path = "data.contacts[" + i + "]";
            JsonNode contact = contacts.get(i);
            if (!contact.isObject()) {
                problems.add(new Problem(path, "must be an object"));
                continue;
            }
            Checker check = new Checker(path, contact, problems);
            String id = check.requiredText("id", FieldLimits.CRM_ID);
            if (id != null && !ids.add(id)) {
                problems.add(new Problem(path + ".id", "is used by another contact of this relation"));
            }
            String first = check.optionalText("firstName", FieldLimits.CONTACT_NAME).orElse(null);
            String last = check.optionalText("lastName", FieldLimits.CONTACT_NAME).orElse(null);
            boolean namesWellTyped = check.wellTyped("firstName") && check.wellTyped("lastName");
            if (namesWellTyped && isBlank(first) && isBlank(last)) {
                problems.add(new Problem(path + ".lastName", "a contact needs a first or a last name"));
            }
            check.optionalText("email", FieldLimits.EMAIL)
                    .ifPresent(v -> check.format("email", v, EMAIL, "is not an e-mail address"));
            check.optionalText("phone", FieldLimits.PHONE)
                    .ifPresent(v -> check.format("phone", v, PHONE, "is not a phone number"));
            JsonNode main = contact.get("main");
            if (main != null && !main.isNull() && !main.isBoolean()) {
                problems.add(new Problem(path + ".main", "must be true or false"));
            } else if (main != null && main.asBoolean(false) && ++mains > 1) {
                problems.add(new Problem(path + ".main", "only one contact can be the main contact"));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Field checks within one JSON object, adding problems under {@code prefix}. */
    private record Checker(String prefix, JsonNode object, List<Problem> problems) {

        String requiredText(String field, int maxLength) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                problems.add(new Problem(prefix + "." + field, "is required"));
                return null;
            }
            return text(field, value, maxLength);
        }

        java.util.Optional<String> optionalText(String field, int maxLength) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                return java.util.Optional.empty();
            }
            String text = text(field, value, maxLength);
            return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text);
        }

        boolean wellTyped(String field) {
            JsonNode value = object.get(field);
            return value == null || value.isNull() || value.isTextual();
        }

        void format(String field, String value, Pattern pattern, String message) {
            if (!pattern.matcher(value).matches()) {
                problems.add(new Problem(prefix + "." + field, message));
            }
        }

        private String text(String field, JsonNode value, int maxLength) {
            if (!value.isTextual()) {
                problems.add(new Problem(prefix + "." + field, "must be a string"));
                return null;
            }
            String text = value.asText();
            // Code points, not UTF-16 units: Exact counts characters, and an emoji must not pass as two.
            if (text.codePointCount(0, text.length()) > maxLength) {
                problems.add(new Problem(prefix + "." + field, "is longer than " + maxLength
                        + " characters"));
                return null;
            }
            return text;
        }
    }
}
