package org.exactsync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for cached copies of a division's Exact data (master data a booking is checked against), shared by every
 * function instance so a cold start does not spend Exact calls re-reading it. Last writer wins: every copy is a
 * complete read of Exact, so any of them is as good as another.
 */
public interface DivisionCacheStore {

    /** The cached copy named {@code name}, or empty when none is stored or it has expired. */
    Optional<CachedCopy> find(String tenant, int division, String name);

    /** Stores (replaces) the copy; it is treated as absent after {@code expiresAt}. */
    void put(String tenant, int division, String name, CachedCopy copy, Instant expiresAt);

    /** Forgets the copy, so the next reader loads it from Exact again. */
    void evict(String tenant, int division, String name);

    /**
     * One cached copy.
     *
     * @param payload  the data, serialised by its owner
     * @param loadedAt when it was read from Exact
     */
    record CachedCopy(String payload, Instant loadedAt) {
    }
}
