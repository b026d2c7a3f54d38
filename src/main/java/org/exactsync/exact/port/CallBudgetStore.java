package org.exactsync.exact.port;

import java.time.Instant;

/**
 * Port for the shared per-(app, division) call budget: counters per window (a clock minute, a UTC day), each a
 * single item updated with a conditional atomic add.
 */
public interface CallBudgetStore {

    /**
     * Takes one call from the window if fewer than {@code limit} were taken. {@code window} names the window, e.g.
     * {@code M:29500000} (epoch minute) or {@code D:2026-11-26}; {@code expiresAt} lets the store forget old windows.
     *
     * @return true when the call may be made
     */
    boolean tryTake(BudgetKey key, String window, int limit, Instant expiresAt);

    /**
     * Raises the window's count to at least {@code used} (what Exact's {@code X-RateLimit-*} headers say was used),
     * never lowering it.
     */
    void raiseTo(BudgetKey key, String window, int used, Instant expiresAt);

    /** Calls counted in the window so far (0 when none). */
    int used(BudgetKey key, String window);
}
