package org.exactsync.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link EventStore#claim} stores for a first delivery.
 *
 * @param tenant    tenant the event belongs to; event ids are unique per tenant
 * @param eventId   the CRM's {@code eventId}
 * @param type      event type, e.g. {@code invoice.created}, so that a replay knows which flow to run
 * @param bodyHash  hash of the canonical body: a redelivery with another hash is a conflict (409)
 * @param body      the body itself, kept so that a waiting event can be finished without the CRM sending it again
 *                  (DynamoDB items are limited to 400 KB)
 * @param expiresAt when the record may be forgotten (TTL); duplicates arriving later are treated as new
 */
public record NewEvent(String tenant, String eventId, String type, String bodyHash, String body, Instant expiresAt) {

    public NewEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
