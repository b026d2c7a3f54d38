package org.exactsync.exact;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.exact.port.CallBudgetStore;

/** {@link CallBudgetStore} in memory: one counter per (key, window), conditional add like the DynamoDB adapter. */
class FakeCallBudgetStore implements CallBudgetStore {

    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized boolean tryTake(BudgetKey key, String window, int limit, Instant expiresAt) {
        String id = id(key, window);
        int used = counts.getOrDefault(id, 0);
        if (used >= limit) {
            return false;
        }
        counts.put(id, used + 1);
        return true;
    }

    @Override
    public synchronized void raiseTo(BudgetKey key, String window, int used, Instant expiresAt) {
        counts.merge(id(key, window), used, Math::max);
    }

    @Override
    public synchronized int used(BudgetKey key, String window) {
        return counts.getOrDefault(id(key, window), 0);
    }

    private static String id(BudgetKey key, String window) {
        return key.clientId() + "/" + key.division() + "/" + window;
    }
}
