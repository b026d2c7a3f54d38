package org.exactsync.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.validation.Problem;

/**
 * Checks the raw {@code data} of a {@code project.upserted} event before anything is stored or sent: required
 * {@code id}, {@code number} and {@code description}, JSON types, and the description within Exact's cost center
 * limit ({@link ProjectLimits}). Paths start at the envelope root ({@code data.number}); messages never echo values.
 * Pure and stateless.
 */
public final class ProjectValidator {

    public List<Problem> validate(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        if (data == null || !data.isObject()) {
            problems.add(new Problem("data", "must be an object"));
            return problems;
        }
        text(data, "id", true, ProjectLimits.CRM_TEXT, problems);
        String number = text(data, "number", true, ProjectLimits.CRM_TEXT, problems);
        if (number != null && CostCenterCodes.normalized(number).isEmpty()) {
            // The cost center code is built from the number's letters and digits; none would leave only a hash.
            problems.add(new Problem("data.number", "must contain a letter or digit"));
        }
        text(data, "description", true, ProjectLimits.DESCRIPTION, problems);
        text(data, "relationId", false, ProjectLimits.CRM_TEXT, problems);
        JsonNode active = data.get("active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            problems.add(new Problem("data.active", "must be true or false"));
        }
        return problems;
    }

    private static String text(JsonNode data, String field, boolean required, int maxLength, List<Problem> problems) {
        String path = "data." + field;
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new Problem(path, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(path, "must be a string"));
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            problems.add(new Problem(path, "is required"));
            return null;
        }
        // Code points, not UTF-16 units: Exact counts characters.
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(new Problem(path, "is longer than " + maxLength + " characters"));
            return null;
        }
        return text;
    }
}
