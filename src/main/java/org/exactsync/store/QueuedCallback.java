package org.exactsync.store;

import java.time.Instant;

/**
 * A callback waiting in the {@link CallbackOutbox} to be delivered.
 *
 * @param tenant        tenant whose CRM receives it
 * @param entityKey     the queue it belongs to
 * @param sequence      position in the queue (ascending; gaps are possible)
 * @param callbackId    the callback's {@code eventId}
 * @param type          callback type
 * @param payload       the JSON envelope to POST
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt not to be tried before this
 * @param lastError     what the last attempt got (status code or failure kind), or null
 * @param leaseOwner    dispatcher delivering it right now, or null
 * @param leaseUntil    end of that lease, or null
 * @param createdAt     when it was queued
 * @param version       optimistic-lock version
 */
public record QueuedCallback(String tenant, String entityKey, long sequence, String callbackId, String type,
        String payload, int attempts, Instant nextAttemptAt, String lastError, String leaseOwner, Instant leaseUntil,
        Instant createdAt, long version) {

    @Override
    public String toString() {
        return "QueuedCallback[tenant=" + tenant + ", entityKey=" + entityKey + ", sequence=" + sequence
                + ", callbackId=" + callbackId + ", type=" + type + ", attempts=" + attempts + ", version=" + version
                + "]";
    }
}
