package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.TenantSettings;

/**
 * Reads the contract's envelope and names every problem at once (a CRM developer fixes them in one round). Pure:
 * the divisions a tenant may use are passed in.
 */
final class EnvelopeReader {

    static final int MAX_EVENT_ID = 100;
    static final int MAX_TENANT = 100;

    private EnvelopeReader() {
    }

    /** The tenant named by an untrusted body, used only to pick the secret the signature is checked with. */
    static String claimedTenant(Optional<JsonNode> root) {
        return root.map(node -> node.get("tenant"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .orElse(TenantSettings.DEFAULT_TENANT);
    }

    /**
     * Validates the envelope. {@code allowedDivisions} empty means "the tenant has no connection": then any explicit
     * division is refused, because nothing could be written there.
     */
    static List<Problem> problems(JsonNode root, String expectedType, Set<Integer> allowedDivisions) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add(new Problem("body", "must be a JSON object"));
            return problems;
        }
        requiredText(root, "eventId", MAX_EVENT_ID, problems);
        requiredText(root, "type", 100, problems).ifPresent(type -> {
            if (!type.equals(expectedType)) {
                problems.add(new Problem("type", "must be " + expectedType + " on this route"));
            }
        });
        requiredText(root, "occurredAt", 64, problems).ifPresent(text -> {
            try {
                Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                problems.add(new Problem("occurredAt", "must be an ISO-8601 instant, e.g. 2026-11-26T10:15:00Z"));
            }
        });
        JsonNode tenant = root.get("tenant");
        if (tenant != null && !tenant.isNull()) {
            if (!tenant.isTextual() || tenant.asText().isBlank()) {
                problems.add(new Problem("tenant", "must be a non-empty string"));
            } else if (tenant.asText().length() > MAX_TENANT) {
                problems.add(new Problem("tenant", "must be at most " + MAX_TENANT + " characters"));
            }
        }
        divisionProblems(root.get("divisions"), allowedDivisions, problems);
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            problems.add(new Problem("data", "is required"));
        } else if (!data.isObject()) {
            problems.add(new Problem("data", "must be an object"));
        }
        return problems;
    }

    /** The envelope of a root that {@link #problems} found valid. */
    static Envelope read(JsonNode root) {
        JsonNode tenant = root.get("tenant");
        return new Envelope(
                root.get("eventId").asText(),
                root.get("type").asText(),
                Instant.parse(root.get("occurredAt").asText()),
                tenant == null || tenant.isNull() ? TenantSettings.DEFAULT_TENANT : tenant.asText(),
                divisions(root.get("divisions")),
                (ObjectNode) root.get("data"));
    }

    private static Optional<String> requiredText(JsonNode root, String field, int maxLength, List<Problem> problems) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            problems.add(new Problem(field, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(new Problem(field, "must be a string"));
            return Optional.empty();
        }
        String text = value.asText();
        if (text.isBlank()) {
            problems.add(new Problem(field, "must not be empty"));
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problems.add(new Problem(field, "must be at most " + maxLength + " characters"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static void divisionProblems(JsonNode divisions, Set<Integer> allowed, List<Problem> problems) {
        if (divisions == null || divisions.isNull()) {
            return;
        }
        if (!divisions.isArray()) {
            problems.add(new Problem("divisions", "must be an array of division numbers"));
            return;
        }
        if (divisions.isEmpty()) {
            problems.add(new Problem("divisions", "must name at least one division when present"));
            return;
        }
        for (int i = 0; i < divisions.size(); i++) {
            JsonNode division = divisions.get(i);
            String field = "divisions[" + i + "]";
            if (!division.isIntegralNumber() || !division.canConvertToInt() || division.intValue() <= 0) {
                problems.add(new Problem(field, "must be a positive integer"));
            } else if (!allowed.contains(division.intValue())) {
                problems.add(new Problem(field, "division " + division.intValue()
                        + " is not connected for this tenant"));
            }
        }
    }

    private static List<Integer> divisions(JsonNode divisions) {
        if (divisions == null || divisions.isNull()) {
            return List.of();
        }
        // A division named twice is still one target.
        Set<Integer> unique = new LinkedHashSet<>();
        divisions.forEach(division -> unique.add(division.intValue()));
        return List.copyOf(unique);
    }
}
