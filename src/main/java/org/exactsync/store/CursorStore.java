package org.exactsync.store;

import java.util.Optional;

/**
 * Port for sync cursors. Advancing is conditional on the stored position, so a slow worker finishing an old page can
 * never move a feed back and make it re-read (and re-bill calls for) rows already handled.
 */
public interface CursorStore {

    /** The feed's position, or empty when the feed was never read (start from the beginning). */
    Optional<CursorRecord> find(CursorKey key);

    /**
     * Moves the cursor to {@code position} if it is absent or at most {@code position}.
     *
     * @return true when stored, false when the stored position is already further
     */
    boolean advance(CursorKey key, long position, String detail);

    /**
     * Forgets the cursor, so the feed is read from the start: the one deliberate way back, for a full resync (e.g.
     * after Exact moved a division, {@code DivisionMoveDate}).
     */
    void reset(CursorKey key);
}
