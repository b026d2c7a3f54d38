package org.exactsync.flow.relation;

import java.util.List;
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
 * @param match      for a relation not mapped yet, what the division's account index says (0 Exact calls):
 *                   {@code matched} (exactId and code are the account it would adopt), {@code ambiguous} (waits for
 *                   the operator's choice among {@code candidates}) or {@code create}; null when mapped already or
 *                   the division has no index (a live sync would look it up)
 * @param rule       the match rule that decided, or null
 * @param candidates the relation numbers an ambiguous match found, else null
 * @param wouldSend  the account fields (Exact names) that differ from what was last sent; without the payment
 *                   condition, whose code per division would take an Exact read
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DryRunResult(int division, String exactId, String code, boolean dryRun, String match, String rule,
        List<String> candidates, Map<String, String> wouldSend) {

    public static final String MATCHED = "matched";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String CREATE = "create";
}
