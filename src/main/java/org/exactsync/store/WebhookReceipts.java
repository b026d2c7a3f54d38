package org.exactsync.store;

import java.time.Instant;

/**
 * Port that remembers which Exact webhook notifications were already handled. Exact's delivery guarantees are unknown
 * (docs/exact-reference.md §6.5), so a duplicate delivery must not cost another round of Exact calls. Notifications are
 * per division and per app, not per tenant, so the receipt is keyed by division.
 */
public interface WebhookReceipts {

    /**
     * Records the notification with this digest as seen, unless it already is (and has not expired).
     *
     * @param division  the notification's division
     * @param digest    a digest of the notification's {@code Content} bytes
     * @param now       the clock's now (an expired receipt counts as absent)
     * @param expiresAt when the receipt may be forgotten
     * @return true for the first delivery, false for a duplicate
     */
    boolean firstDelivery(int division, String digest, Instant now, Instant expiresAt);
}
