package org.exactsync.store;

import java.time.Instant;
import java.util.List;

/**
 * An upload's stored state: its plan, its parts and how many of its events have settled.
 *
 * @param plan      the plan of its first part
 * @param createdAt when its first part arrived
 * @param parts     the parts received so far, by number
 * @param synced    events done with the relation in Exact (adopted or created)
 * @param previewed events done in dry run (nothing written to Exact)
 * @param failed    events failed for good
 */
public record UploadProgress(UploadPlan plan, Instant createdAt, List<UploadPart> parts, long synced,
        long previewed, long failed) {

    public UploadProgress {
        parts = List.copyOf(parts);
    }
}
