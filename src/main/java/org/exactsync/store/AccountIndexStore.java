package org.exactsync.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Port for the index of Exact's relations per (tenant, division): one entry per account and one look-up entry per
 * match key, so a relation is matched without calling Exact. Every write is to one item; a write carrying an older
 * rowversion than the stored account never replaces it.
 */
public interface AccountIndexStore {

    /** The index's state, or empty when it was never built. */
    Optional<IndexState> state(String tenant, int division);

    /** Records a finished build or refresh. */
    void saveState(IndexState state);

    /** What a {@link #put} did. */
    enum Write {
        /** The account was not in the index. */
        ADDED,
        /** The account's entry and look-ups were replaced. */
        REPLACED,
        /** The stored entry has a newer rowversion: nothing written. */
        OLDER
    }

    /** Stores {@code account} under its {@code matchKeys} (replacing the look-ups of its previous keys). */
    Write put(String tenant, int division, IndexedAccount account, Set<String> matchKeys);

    /** Removes an account and its look-ups (after Exact deleted it); false when it was not in the index. */
    boolean remove(String tenant, int division, String accountId);

    /** The accounts stored under one match key (normalised, see the onboarding flow's MatchKeys). */
    List<IndexedAccount> byKey(String tenant, int division, String matchKey);

    /** Every account of the index, read page by page as the stream is consumed. */
    Stream<IndexedAccount> all(String tenant, int division);

    /** Forgets the whole index (state and entries), e.g. for a rebuild after Exact moved the division. */
    void clear(String tenant, int division);
}
