package org.exactsync.mapping;

import java.util.List;
import java.util.Map;

/**
 * What to do with one account after comparing the CRM, the last-sent values and Exact's current values.
 *
 * @param toWrite   fields for the partial PUT (Exact names); empty means no call
 * @param conflicts fields a bookkeeper changed; reported, and overwritten only under {@code crm-wins}
 * @param sent      the new last-sent values to store in the mapping
 */
public record AccountWritePlan(Map<String, String> toWrite, List<FieldConflict> conflicts, Map<String, String> sent) {

    public AccountWritePlan {
        toWrite = Map.copyOf(toWrite);
        conflicts = List.copyOf(conflicts);
        sent = Map.copyOf(sent);
    }
}
