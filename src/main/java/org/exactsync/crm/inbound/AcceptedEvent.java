package org.exactsync.crm.inbound;

import java.time.Instant;
import java.util.List;

/**
 * An event that passed signature, validation and idempotency and is stored durably as accepted.
 *
 * @param eventId    the CRM's {@code eventId}
 * @param type       envelope type, e.g. {@code relation.upserted}
 * @param tenant     tenant ({@code default} when the envelope named none)
 * @param divisions  target divisions: the envelope's, else the tenant's default divisions
 * @param occurredAt when the change happened in the CRM
 * @param data       the bound {@code data} object
 * @param <D>        the handler's data record
 */
public record AcceptedEvent<D>(String eventId, String type, String tenant, List<Integer> divisions,
        Instant occurredAt, D data) {

    public AcceptedEvent {
        divisions = List.copyOf(divisions);
    }
}
