package org.exactsync.flow.admin;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One CRM event's state for an operator: ids, state, reasons and counts only. The stored body is never shown (it
 * holds names and e-mail addresses).
 *
 * @param eventId    the CRM's event id
 * @param type       event type
 * @param state      {@code accepted}, {@code in-progress}, {@code done}, {@code waiting} or {@code failed}
 * @param reason     why it waits or failed, else null
 * @param retryable  for failed: whether a replay can help
 * @param attempts   how often a worker started it
 * @param acceptedAt first delivery
 * @param updatedAt  last change
 * @param retryAt    waiting: earliest automatic retry, else null
 * @param result     the stored answer (done or failed), else null
 */
@RegisterForReflection
public record EventView(String eventId, String type, String state, String reason, Boolean retryable, int attempts,
        String acceptedAt, String updatedAt, String retryAt, JsonNode result) {
}
