package org.exactsync.flow.write;

import java.util.List;
import java.util.Map;

/**
 * What a finished write records in the mapping: the Exact record, the field values Exact now holds as sent, and the
 * entity's members (a relation's contact ids).
 */
public record Recorded(String exactId, String exactCode, Map<String, String> values, List<String> memberIds) {

    public Recorded {
        values = values == null ? Map.of() : Map.copyOf(values);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
