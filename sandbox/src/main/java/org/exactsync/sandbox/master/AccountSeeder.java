package org.exactsync.sandbox.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactSandbox;

/**
 * Seeds a large administration (thousands of relations) in one step, without an HTTP call per account: each body
 * goes through {@code crm/Accounts}' own create rules (mandatory Name, Status, Country padding, unique Code, rowversion
 * and change event), all under one division lock. Bodies must carry a {@code Code}: leaving it out makes every insert
 * scan for the highest number, which is quadratic at this size.
 */
public final class AccountSeeder {

    private AccountSeeder() {
    }

    /** Creates the accounts in order and returns them as stored (with ID, padded Code and Timestamp). */
    public static List<Map<String, Object>> seed(ExactSandbox sandbox, int division, List<Map<String, Object>> bodies) {
        EntitySet accounts = sandbox.entitySet(AccountsSet.PATH).orElseThrow();
        for (Map<String, Object> body : bodies) {
            if (body.get("Code") == null) {
                throw new IllegalArgumentException("seeded accounts need a Code");
            }
        }
        return sandbox.inDivision(division, (data, context) -> {
            List<Map<String, Object>> created = new ArrayList<>(bodies.size());
            for (Map<String, Object> body : bodies) {
                created.add(Map.copyOf(withoutNulls(accounts.create(data, body, context))));
            }
            return created;
        });
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
