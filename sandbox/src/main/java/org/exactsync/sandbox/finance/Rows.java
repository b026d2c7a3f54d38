package org.exactsync.sandbox.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of stored rows for readers: the HTTP layer renders after the division lock is released, and a payment
 * arriving meanwhile must not change a page that is being written out.
 */
final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        for (Map.Entry<String, Object> field : copy.entrySet()) {
            if (field.getValue() instanceof List<?> list) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (Object line : list) {
                    lines.add(new LinkedHashMap<>((Map<String, Object>) line));
                }
                field.setValue(lines);
            }
        }
        return copy;
    }

    static List<Map<String, Object>> copies(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            out.add(copy(row));
        }
        return out;
    }

    /** A copy without the given fields (e.g. Timestamp, which only the sync views show). */
    static Map<String, Object> without(Map<String, Object> row, String... fields) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }
}
