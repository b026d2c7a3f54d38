package org.exactsync.flow.upload;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.TenantSettings;
import org.exactsync.store.UploadPlan;

/**
 * The first line of every part: {@code {"uploadId","part","parts","tenant","occurredAt","divisions"}}. It is what the
 * envelope is to an event: the tenant (whose secret checks the signature), when the export was taken and where the
 * relations go. Pure.
 */
final class UploadHeader {

    private UploadHeader() {
    }

    /** The tenant an unverified header names, only to choose the secret the signature is checked with. */
    static String claimedTenant(JsonNode header) {
        JsonNode tenant = header == null ? null : header.get("tenant");
        return tenant != null && tenant.isTextual() ? tenant.asText() : TenantSettings.DEFAULT_TENANT;
    }

    /**
     * The plan of a header, or empty with every problem added ({@code allowed}: the divisions the tenant's connection
     * may use).
     */
    static Optional<UploadPlan> read(JsonNode header, Set<Integer> allowed, int maxParts, List<LineProblem> problems) {
        if (header == null || !header.isObject()) {
            problems.add(new LineProblem(1, "line", "must be the upload's header object"));
            return Optional.empty();
        }
        int before = problems.size();
        JsonNode id = header.get("uploadId");
        if (id == null || !id.isTextual() || !UploadEventIds.UPLOAD_ID.matcher(id.asText()).matches()) {
            problems.add(problem("uploadId", "is required: 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        int parts = positive(header, "parts", maxParts, problems);
        int part = positive(header, "part", Math.max(parts, 1), problems);
        Instant occurredAt = null;
        JsonNode occurred = header.get("occurredAt");
        try {
            occurredAt = occurred != null && occurred.isTextual()
                    ? Instant.parse(occurred.asText()).truncatedTo(ChronoUnit.MILLIS) : null;
        } catch (DateTimeParseException notAnInstant) {
            occurredAt = null;
        }
        if (occurredAt == null) {
            problems.add(problem("occurredAt", "is required: when the export was taken, an ISO-8601 instant"));
        }
        List<Integer> divisions = divisions(header.get("divisions"), allowed, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new UploadPlan(claimedTenant(header), id.asText(), parts, divisions, occurredAt));
    }

    /** The part number of a valid header. */
    static int part(JsonNode header) {
        return header.get("part").intValue();
    }

    private static int positive(JsonNode header, String field, int max, List<LineProblem> problems) {
        JsonNode value = header.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1
                || value.intValue() > max) {
            problems.add(problem(field, "is required: a whole number from 1 to " + max));
            return 0;
        }
        return value.intValue();
    }

    private static List<Integer> divisions(JsonNode divisions, Set<Integer> allowed, List<LineProblem> problems) {
        if (divisions == null || divisions.isNull()) {
            return List.of();
        }
        if (!divisions.isArray() || divisions.isEmpty()) {
            problems.add(problem("divisions", "must be a non-empty array of division numbers when present"));
            return List.of();
        }
        Set<Integer> unique = new LinkedHashSet<>();
        for (int i = 0; i < divisions.size(); i++) {
            JsonNode division = divisions.get(i);
            if (!division.isIntegralNumber() || !division.canConvertToInt() || division.intValue() <= 0) {
                problems.add(problem("divisions[" + i + "]", "must be a positive integer"));
            } else if (!allowed.contains(division.intValue())) {
                problems.add(problem("divisions[" + i + "]", "division " + division.intValue()
                        + " is not connected for this tenant"));
            } else {
                unique.add(division.intValue());
            }
        }
        return new ArrayList<>(unique);
    }

    private static LineProblem problem(String field, String message) {
        return new LineProblem(1, field, message);
    }
}
