package org.exactsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CRM relation the connector matched against a division's account index, with the outcome and the operator's
 * choice when the match was ambiguous. Source of the onboarding report's CRM side. Personal data: log
 * {@code crmId} only.
 *
 * @param values    the relation as Exact field values (what a sync would send), empty string for none
 * @param outcome   {@code matched}, {@code create} or {@code ambiguous}
 * @param accountId the matched account's id, or null
 * @param rule      the match rule that decided, or null
 * @param codes     candidate relation numbers (ambiguous) or the matched one
 * @param choice    the operator's choice: a relation number, {@link #CREATE_NEW}, or null when none
 */
public record SeenRelation(String tenant, int division, String crmId, Map<String, String> values, String outcome,
        String accountId, String rule, List<String> codes, String choice, Instant seenAt) {

    public static final String MATCHED = "matched";
    public static final String CREATE = "create";
    public static final String AMBIGUOUS = "ambiguous";
    /** The choice to create a new account instead of adopting a candidate. */
    public static final String CREATE_NEW = "create-new";

    public SeenRelation {
        values = values == null ? Map.of() : Map.copyOf(values);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "SeenRelation[crmId=" + crmId + ", division=" + division + ", outcome=" + outcome + "]";
    }
}
