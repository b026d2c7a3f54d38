package org.exactsync.store;

import java.util.List;
import java.util.Optional;

/**
 * Port for tenants' connections (one per tenant). Saves are compare-and-swap on {@link ConnectionRecord#version()} so
 * that an admin changing divisions and a worker marking the chain broken cannot overwrite each other.
 */
public interface ConnectionStore {

    /** The tenant's connection (strongly consistent read), or empty when the tenant never connected. */
    Optional<ConnectionRecord> find(String tenant);

    /**
     * Saves {@code record} if the stored version is still {@code record.version()} (0 = must not exist yet). The
     * store sets {@code updatedAt} (and {@code createdAt} on the first save) and returns the stored record with
     * version + 1, or empty when someone else saved first (re-read and decide again).
     */
    Optional<ConnectionRecord> save(ConnectionRecord record);

    /** Every tenant's connection, e.g. for the scheduled open-item poll and token keep-alive. */
    List<ConnectionRecord> findAll();
}
