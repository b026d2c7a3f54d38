package org.exactsync.flow.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * The INVOICE mapping as the booking's idempotency record. Exact has no idempotency key (docs/exact-reference.md §8.4), so
 * one conditional write claims the booking before the POST, with a lease; only one worker holds a live claim. A claim
 * whose lease ended (its worker crashed or gave it up) is taken over by compare-and-swap, and the taker looks the
 * entry up before posting. Every failure after the claim gives the lease up at once, so a replay need not wait.
 */
final class InvoiceClaims {

    /**
     * Far longer than one booking takes (a POST is never retried blindly, so one attempt is bounded by the client's
     * timeout): a live worker's claim must never look abandoned while its POST is in flight.
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final MappingStore mappings;
    private final Clock clock;

    InvoiceClaims(MappingStore mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * Claims the invoice for this event. {@code stored} is what the caller read of the mapping moments ago: it saves a
     * second read, and it cannot cause a wrong claim because both ways forward are conditional writes (create if
     * absent, or compare-and-swap on the version read), which fail when another worker moved in between.
     */
    Claim claim(MappingKey key, Optional<MappingRecord> stored, Map<String, String> planned, String eventId) {
        Instant now = clock.instant();
        if (stored.isEmpty()) {
            MappingStore.Creation creation = mappings.createIfAbsent(key,
                    new MappingChange(null, null, null, InvoiceMappingValues.leased(planned, eventId, now.plus(LEASE))));
            if (creation.created()) {
                return new Claim.Fresh(creation.record());
            }
            stored = Optional.of(creation.record());
        }
        MappingRecord record = stored.get();
        if (InvoiceMappingValues.isBooked(record.sentValues())) {
            return new Claim.Booked(record);
        }
        if (InvoiceMappingValues.claimedUntil(record.sentValues()).isAfter(now)) {
            return new Claim.Busy(record);
        }
        // Keep the values planned by the first claim's booking only as a record; the taker's plan is what it posts.
        Optional<MappingRecord> taken = mappings.compareAndSwap(key, record.version(),
                new MappingChange(null, null, null, InvoiceMappingValues.leased(planned, eventId, now.plus(LEASE))));
        return taken.<Claim>map(Claim.TakenOver::new).orElseGet(() -> new Claim.Busy(record));
    }

    /** Ends this worker's lease so the next attempt (of any delivery) takes over at once. Best effort. */
    void release(MappingRecord claim) {
        mappings.compareAndSwap(claim.key(), claim.version(), new MappingChange(null, null, null,
                InvoiceMappingValues.leased(claim.sentValues(), claim.sentValues()
                        .get(InvoiceMappingValues.CLAIMED_BY), clock.instant())));
    }

    /**
     * Records the entry. Returns the booked record; when the claim was taken over meanwhile, the stored record (the
     * taker found this same entry by its reference, so it books the same one).
     */
    MappingRecord booked(MappingRecord claim, String entryId, String entryNumber, String dueDate) {
        return mappings.compareAndSwap(claim.key(), claim.version(), new MappingChange(entryId, entryNumber, null,
                InvoiceMappingValues.booked(claim.sentValues(), dueDate)))
                .orElseGet(() -> mappings.find(claim.key()).orElseThrow());
    }
}
