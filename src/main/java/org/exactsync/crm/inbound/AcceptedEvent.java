package org.exactsync.crm.inbound;

import java.time.Instant;
import java.util.List;

import org.exactsync.store.ConnectionRecord;

/**
 * An event that passed signature, validation and idempotency and is stored durably as accepted.
 *
 * @param eventId    the CRM's {@code eventId}
 * @param type       envelope type, e.g. {@code relation.upserted}
 * @param tenant     tenant ({@code default} when the envelope named none)
 * @param divisions  target divisions: the envelope's, else the tenant's default divisions
 * @param occurredAt when the change happened in the CRM
 * @param data       the bound {@code data} object
 * @param connection the tenant's connection as the pipeline read it for this attempt, so that the handler does not
 *                   read it a second time; null when the caller did not read it (the handler then reads it itself)
 * @param <D>        the handler's data record
 */
public record AcceptedEvent<D>(String eventId, String type, String tenant, List<Integer> divisions,
        Instant occurredAt, D data, ConnectionRecord connection) {

    public AcceptedEvent {
        divisions = List.copyOf(divisions);
    }

    /** An event whose handler reads the tenant's connection itself. */
    public AcceptedEvent(String eventId, String type, String tenant, List<Integer> divisions, Instant occurredAt,
            D data) {
        this(eventId, type, tenant, divisions, occurredAt, data, null);
    }
}
