package org.exactsync.sandbox.odata;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;

/** {@code $orderby=Field [asc|desc], …}: a comparator over rows, nulls first, the key as final tie-breaker. */
final class OrderBy {

    private OrderBy() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Map<String, Object>> parse(String orderBy, EndpointSpec spec, Set<String> known) {
        Comparator<Map<String, Object>> comparator = null;
        for (String part : orderBy.split(",")) {
            String[] words = part.trim().split("\\s+");
            String field = words[0];
            if (field.isEmpty() || words.length > 2
                    || (words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc"))) {
                throw ExactFault.badRequest("Syntax error in '$orderby': '" + orderBy + "'.");
            }
            if (!known.isEmpty() && !known.contains(field)) {
                throw ExactFault.badRequest("No property '" + field + "' exists in type '" + spec.metadataType()
                        + "'.");
            }
            Comparator<Map<String, Object>> one = Comparator.comparing(r -> (Comparable) r.get(field),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            if (words.length == 2 && words[1].equals("desc")) {
                one = one.reversed();
            }
            comparator = comparator == null ? one : comparator.thenComparing(one);
        }
        Comparator<Map<String, Object>> byKey = Comparator.comparing(r -> (Comparable) r.get(spec.keyField()),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return comparator == null ? byKey : comparator.thenComparing(byKey);
    }
}
