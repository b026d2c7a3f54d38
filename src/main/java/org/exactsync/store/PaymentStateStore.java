package org.exactsync.store;

import java.util.Optional;

/**
 * Port for the payment position per booked invoice ({@link PaymentStateRecord}). Saves are compare-and-swap on the
 * version, so the scheduled sweep and a webhook-triggered check that see the same change cannot both send it.
 */
public interface PaymentStateStore {

    /** The record (strongly consistent read), or empty when the document's payment term was never observed. */
    Optional<PaymentStateRecord> find(PaymentStateKey key);

    /**
     * Stores {@code record} if the stored version is still {@code record.version()} (0 = must not exist yet). Returns
     * the stored record with version + 1, or empty when another writer got there first (re-read and decide again).
     */
    Optional<PaymentStateRecord> save(PaymentStateRecord record);

    /**
     * Remembers which document a payment term belongs to, so that a deleted term ({@code sync/Deleted} names only the
     * term's id) can be traced to its invoice. Idempotent.
     *
     * @param documentId the CRM id of the invoice or credit note whose term it is
     */
    void linkTerm(String tenant, int division, String termId, String documentId);

    /** The CRM id of the document whose payment term this was, or empty when the term was never linked. */
    Optional<String> documentOfTerm(String tenant, int division, String termId);
}
