package org.exactsync.store;

import java.time.Instant;

/**
 * The stored state of one CRM event.
 *
 * @param tenant     tenant
 * @param eventId    the CRM's {@code eventId}
 * @param type       event type
 * @param bodyHash   hash of the body as first delivered
 * @param body       the body as first delivered
 * @param status     where the event is in its life
 * @param reason     why it waits or failed (no personal data), or null
 * @param retryable  for FAILED: whether a replay can help
 * @param result     result JSON of the last finish (answered to duplicates), or null
 * @param attempts   how many times a worker started it
 * @param leaseOwner worker holding the lease while IN_PROGRESS, or null
 * @param leaseUntil lease expiry; an IN_PROGRESS event whose lease expired may be started again
 * @param acceptedAt first delivery (backlog age is measured from here)
 * @param updatedAt  last write
 * @param retryAt    for WAITING: not worth starting before this, or null
 * @param expiresAt  TTL
 * @param version    optimistic-lock version, 1 after the claim
 */
public record EventRecord(
        String tenant,
        String eventId,
        String type,
        String bodyHash,
        String body,
        EventStatus status,
        String reason,
        boolean retryable,
        String result,
        int attempts,
        String leaseOwner,
        Instant leaseUntil,
        Instant acceptedAt,
        Instant updatedAt,
        Instant retryAt,
        Instant expiresAt,
        long version) {

    @Override
    public String toString() {
        // The body carries personal data (names, e-mails): keep it out of log lines.
        return "EventRecord[tenant=" + tenant + ", eventId=" + eventId + ", type=" + type + ", status=" + status
                + ", retryable=" + retryable + ", attempts=" + attempts + ", leaseOwner=" + leaseOwner
                + ", leaseUntil=" + leaseUntil + ", version=" + version + "]";
    }
}
