package org.exactsync.flow.payment;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactFeeds;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.PaymentTerm;
import org.exactsync.exact.model.ExactTarget;

/**
 * Reads payment-term changes from {@code sync/Cashflow/PaymentTerms} (docs/exact-reference.md §5.17, §9.4): every row
 * whose {@code Timestamp} is above the cursor, 1,000 per call, so a poll costs calls in proportion to the changes,
 * not to the open items. Only the {@code Timestamp} filter is allowed there; receivables are picked client-side.
 */
@ApplicationScoped
public class PaymentTermFeed {

    /** The feed's name, also the cursor's name. */
    public static final String FEED = ExactFeeds.PAYMENT_TERMS;

    private final ExactOnline exact;

    public PaymentTermFeed(ExactOnline exact) {
        this.exact = exact;
    }

    /** Every change after {@code timestamp} (1 = from the start), and the highest timestamp seen. */
    public Changes since(ExactTarget target, long timestamp) {
        List<PaymentTerm> rows = new ArrayList<>();
        long highest = timestamp;
        for (PaymentTerm row : (Iterable<PaymentTerm>) exact.paymentTermsSince(target, timestamp)::iterator) {
            highest = Math.max(highest, row.timestamp());
            if (row.receivable()) {
                rows.add(row);
            }
        }
        return new Changes(List.copyOf(rows), highest);
    }

    /** Receivable rows changed after the cursor, and the new cursor position. */
    public record Changes(List<PaymentTerm> receivables, long highestTimestamp) {
    }
}
