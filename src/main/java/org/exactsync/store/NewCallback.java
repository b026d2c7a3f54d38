package org.exactsync.store;

import java.time.Instant;

/**
 * A callback to append to its entity's queue in the {@link CallbackOutbox}.
 *
 * @param tenant     tenant whose CRM receives it
 * @param entityKey  the CRM entity it is about, e.g. {@code relation:rel-1001}; the queue it joins
 * @param callbackId the callback's own {@code eventId} (stable over retries, so the CRM can deduplicate)
 * @param type       callback type, e.g. {@code relation.synced}
 * @param payload    the complete JSON envelope as it will be POSTed
 * @param createdAt  when it was queued
 * @param expiresAt  when a delivered or abandoned item may be forgotten (TTL)
 */
public record NewCallback(String tenant, String entityKey, String callbackId, String type, String payload,
        Instant createdAt, Instant expiresAt) {

    @Override
    public String toString() {
        // The payload carries personal data: keep it out of log lines.
        return "NewCallback[tenant=" + tenant + ", entityKey=" + entityKey + ", callbackId=" + callbackId + ", type="
                + type + "]";
    }
}
