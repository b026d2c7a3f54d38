package org.exactsync.flow.relation;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One division's part of the answer while the tenant is in dry-run mode: what a live sync would send, nothing sent.
 *
 * @param division   Exact division
 * @param exactId    the mapped account, or null when a live sync would look it up or create it
 * @param code       its relation number, or null
 * @param dryRun     always true, so a CRM cannot mistake this for a synced result
 * @param wouldSend  the account fields (Exact names) that differ from what was last sent; without the payment
 *                   condition, whose code per division would take an Exact read
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DryRunResult(int division, String exactId, String code, boolean dryRun, Map<String, String> wouldSend) {
}
