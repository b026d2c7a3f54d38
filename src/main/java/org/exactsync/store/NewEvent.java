package org.exactsync.store;

import java.time.Instant;
import java.util.List;
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
 * @param divisions the divisions the event targets as resolved at acceptance; the first one is its backlog lane
 *                  (the (tenant, division) whose drain replays it); empty: in no lane, replayed only by an operator
 * @param entity    the CRM entity it changes, e.g. {@code relation:rel-1001} (events of one entity replay in order),
 *                  or null
 * @param after     entities that must be synced before this one can be, e.g. an invoice's relation
 */
public record NewEvent(String tenant, String eventId, String type, String bodyHash, String body, Instant expiresAt,
        List<Integer> divisions, String entity, List<String> after) {

    public NewEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expiresAt, "expiresAt");
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** An event in no backlog lane (tools and store tests). */
    public NewEvent(String tenant, String eventId, String type, String bodyHash, String body, Instant expiresAt) {
        this(tenant, eventId, type, bodyHash, body, expiresAt, List.of(), null, List.of());
    }
}
