package org.exactsync.flow.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactFeeds;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.DeletedRecord;
import org.exactsync.exact.model.ExactTarget;

/**
 * Reads deleted payment terms from {@code sync/Deleted} (docs/payment-status.md): the sync feeds never return a
 * deleted row, so a deleted sales entry shows only here, as its payment term ({@code EntityType} 10, {@code EntityKey}
 * = the term's {@code ID}). Only the {@code Timestamp} filter is allowed; other entity types are dropped client-side.
 * Exact keeps the log two months, far longer than the sweep's interval.
 */
@ApplicationScoped
public class DeletedTermFeed {

    /** The feed's name, also the cursor's name. */
    public static final String FEED = ExactFeeds.DELETED;
    static final int PAYMENT_TERMS = 10;

    private final ExactOnline exact;

    public DeletedTermFeed(ExactOnline exact) {
        this.exact = exact;
    }

    /** Deleted payment terms after {@code timestamp} (1 = from the start), and the highest timestamp seen. */
    public Deletions since(ExactTarget target, long timestamp) {
        List<String> terms = new ArrayList<>();
        long highest = timestamp;
        for (DeletedRecord row : (Iterable<DeletedRecord>) exact.deletedSince(target, timestamp)::iterator) {
            highest = Math.max(highest, row.timestamp());
            Integer type = row.entityType();
            UUID key = row.entityKey();
            if (type != null && type == PAYMENT_TERMS && key != null) {
                terms.add(key.toString().toLowerCase());
            }
        }
        return new Deletions(List.copyOf(terms), highest);
    }

    /** Deleted payment-term ids after the cursor, and the new cursor position. */
    public record Deletions(List<String> termIds, long highestTimestamp) {
    }
}
