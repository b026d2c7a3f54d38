package org.exactsync.flow.project;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One division's part of the answer while the tenant is in dry-run mode: what a live sync would send, nothing sent.
 *
 * @param division  Exact division
 * @param exactId   the mapped cost center, or null when a live sync would create one
 * @param code      the mapped code, or for a new project the first candidate code (a live sync takes the next one
 *                  if Exact already uses it)
 * @param dryRun    always true
 * @param wouldSend cost center fields (Exact names) that differ from what was last sent; {@code Code} for a new one
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectDryRun(int division, String exactId, String code, boolean dryRun,
        Map<String, String> wouldSend) {
}
