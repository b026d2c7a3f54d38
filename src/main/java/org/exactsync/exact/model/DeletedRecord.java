package org.exactsync.exact.model;

import java.util.UUID;

/**
 * One row of Exact's deleted-records feed: a record of {@code entityType} (10 = payment term, 1 = transaction line)
 * whose key was {@code entityKey}. {@code timestamp} is 0 and {@code entityType}/{@code entityKey} null when Exact
 * leaves them out.
 */
public record DeletedRecord(long timestamp, Integer entityType, UUID entityKey) {
}
