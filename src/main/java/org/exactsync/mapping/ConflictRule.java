package org.exactsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conflict rule: Exact's current value differs from what the connector last sent (and from what the CRM wants
 * now) → a bookkeeper changed it in Exact → conflict. For an account the connector adopted (matched, never
 * written),
 * nothing was sent yet: a non-empty Exact value that differs from the CRM's is then a conflict too, because
 * overwriting it would silently replace the bookkeeper's data; empty Exact fields and role flags are simply filled.
 */
public final class ConflictRule {

    private ConflictRule() {
    }

    /**
     * @param wanted   the CRM's values (Exact names, {@link AccountMapper} conventions)
     * @param lastSent what the connector last sent; empty for an adopted account
     * @param current  Exact's current values, trimmed, empty string for null
     * @param crmWins  whether conflicting fields are overwritten (tenant policy {@code crm-wins})
     */
    public static AccountWritePlan plan(Map<String, String> wanted, Map<String, String> lastSent,
            Map<String, String> current, boolean crmWins) {
        Map<String, String> toWrite = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        Map<String, String> sent = new LinkedHashMap<>();
        wanted.forEach((field, crmValue) -> {
            String exactValue = current.getOrDefault(field, "");
            String baseline = lastSent.get(field);
            if (exactValue.equals(crmValue)) {
                sent.put(field, crmValue);
                return;
            }
            boolean untouchedSinceSent = baseline != null && exactValue.equals(baseline);
            boolean firstFill = baseline == null && (exactValue.isEmpty() || AccountFieldNames.isRole(field));
            if (untouchedSinceSent || firstFill) {
                toWrite.put(field, crmValue);
                sent.put(field, crmValue);
                return;
            }
            conflicts.add(new FieldConflict(AccountFieldNames.crmName(field), crmValue, exactValue));
            if (crmWins) {
                toWrite.put(field, crmValue);
                sent.put(field, crmValue);
            } else if (baseline != null) {
                // Keeping the old baseline: the field stays in conflict, reported again only if the CRM changes it.
                sent.put(field, baseline);
            }
        });
        return new AccountWritePlan(toWrite, conflicts, sent);
    }
}
