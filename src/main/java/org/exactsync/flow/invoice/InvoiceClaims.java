package org.exactsync.flow.invoice;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.write.Recorded;
import org.exactsync.flow.write.WriteRaceException;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;

/**
 * The INVOICE mapping as the booking's idempotency record, on the one write protocol ({@link OrderedWrites}): Exact
 * has no idempotency key (docs/exact-reference.md §8.4), so one conditional write claims the booking before the POST,
 * with a lease; only one worker holds a live claim. A claim whose lease ended (its worker crashed or gave it up) is
 * taken over by compare-and-swap, and the taker looks the entry up before posting. Every failure after the claim
 * gives the lease up at once, so a replay need not wait.
 */
final class InvoiceClaims {

    private final OrderedWrites writes;

    InvoiceClaims(OrderedWrites writes) {
        this.writes = writes;
    }

    /**
     * Claims the invoice for this event. {@code stored} is what the caller read of the mapping moments ago: it saves a
     * second read, and it cannot cause a wrong claim because both ways forward are conditional writes (create if
     * absent, or compare-and-swap on the version read), which fail when another worker moved in between.
     */
    Claim claim(MappingKey key, Optional<MappingRecord> stored, Map<String, String> planned, String eventId) {
        if (stored.isPresent() && stored.get().exactId() != null) {
            return new Claim.Booked(stored.get());
        }
        try {
            if (stored.isEmpty()) {
                return new Claim.Fresh(writes.claim(key, Optional.empty(), eventId, null, planned));
            }
            // The taker's plan is what it posts (and what the booked mapping records).
            return new Claim.TakenOver(writes.takeOver(stored.get(), eventId, planned));
        } catch (WriteRaceException busy) {
            MappingRecord now = writes.find(key).orElseThrow();
            return now.exactId() != null ? new Claim.Booked(now) : new Claim.Busy(now);
        }
    }

    /** Ends this worker's lease so the next attempt (of any delivery) takes over at once. Best effort. */
    void release(MappingRecord claim) {
        writes.release(claim);
    }

    /**
     * Records the entry. Returns the booked record; when the claim was taken over meanwhile, the stored record (the
     * taker found this same entry by its reference, so it books the same one).
     */
    MappingRecord booked(MappingRecord claim, String entryId, String entryNumber, String dueDate) {
        try {
            return writes.commit(claim, new Recorded(entryId, entryNumber,
                    InvoiceMappingValues.booked(claim.sentValues(), dueDate), List.of()), null);
        } catch (WriteRaceException overtaken) {
            return writes.find(claim.key()).orElseThrow();
        }
    }
}
