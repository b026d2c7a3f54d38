package org.exactsync.store;

import java.time.Instant;

/**
 * Whether a division's account index is built and how fresh it is; its read positions in Exact's feeds are cursors
 * ({@link CursorStore}).
 *
 * @param builtAt     when the first full read finished
 * @param refreshedAt when the last incremental read finished (the build counts as one)
 * @param accounts    accounts in the index after that read
 */
public record IndexState(String tenant, int division, Instant builtAt, Instant refreshedAt, long accounts) {
}
