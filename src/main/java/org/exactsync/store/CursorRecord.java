package org.exactsync.store;

import java.time.Instant;

/**
 * A feed's position.
 *
 * @param key       tenant, division and feed
 * @param position  ordered position, e.g. Exact's {@code Timestamp} of the last row processed; never moves backwards
 * @param detail    optional extra text that goes with the position (e.g. a modified-date filter value), or null
 * @param updatedAt when the position was last written
 */
public record CursorRecord(CursorKey key, long position, String detail, Instant updatedAt) {
}
