package org.exactsync.crm.inbound;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated envelope, {@code data} still raw.
 *
 * @param eventId    the CRM's event id
 * @param type       event type
 * @param occurredAt when it happened in the CRM
 * @param tenant     tenant ({@code default} when absent)
 * @param divisions  the envelope's divisions, empty when it named none
 * @param data       the raw data object
 */
record Envelope(String eventId, String type, Instant occurredAt, String tenant, List<Integer> divisions,
        ObjectNode data) {
}
