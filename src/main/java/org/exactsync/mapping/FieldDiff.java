package org.exactsync.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which wanted values differ from what the connector last sent: the only fields a PUT may carry. */
public final class FieldDiff {

    private FieldDiff() {
    }

    /**
     * The fields of {@code wanted} whose value differs from {@code lastSent}. A field never sent counts as empty, so
     * an empty wanted value for it is no change.
     */
    public static Map<String, String> changed(Map<String, String> wanted, Map<String, String> lastSent) {
        Map<String, String> changed = new LinkedHashMap<>();
        wanted.forEach((field, value) -> {
            if (!value.equals(lastSent.getOrDefault(field, ""))) {
                changed.put(field, value);
            }
        });
        return changed;
    }
}
