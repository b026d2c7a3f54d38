package org.exactsync.flow.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.flow.relation.ExactAccountValues;
import org.exactsync.mapping.AccountFieldNames;

/**
 * Reads the managed fields of the mapped accounts: {@code crm/Accounts} filtered by {@code ID} (on the mandatory-filter
 * whitelist, docs/exact-reference.md §1.5), a batch of ids per call, so the cost follows the connector's relations and not
 * the size of the division's whole relation list.
 */
final class AccountReader {

    static final int IDS_PER_CALL = 40;

    private final ExactOnline exact;

    AccountReader(ExactOnline exact) {
        this.exact = exact;
    }

    /** Account id (lower case) → managed values in the relation flow's form (trimmed, empty for null). */
    Map<String, Map<String, String>> byIds(ExactTarget target, Collection<String> accountIds) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(accountIds);
        for (int start = 0; start < ids.size(); start += IDS_PER_CALL) {
            String filter = ids.subList(start, Math.min(ids.size(), start + IDS_PER_CALL)).stream()
                    .map(id -> OData.eq("ID", OData.guid(UUID.fromString(id))))
                    .collect(Collectors.joining(" or "));
            try (Stream<ExactRow> rows = exact.accountRecords(target, AccountFieldNames.SELECT, filter)) {
                rows.forEach(row -> found.put(row.uuid("ID").toString(), ExactAccountValues.fromRow(row)));
            }
        }
        return found;
    }
}
