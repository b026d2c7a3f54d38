package org.exactsync.crm.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the contract's {@code sync.failed} callback.
 *
 * @param eventId   the inbound event that could not be completed
 * @param entity    the CRM entity it was about, e.g. {@code relation:rel-1001}
 * @param reason    why (ids only, no personal data)
 * @param retryable whether the connector will try again by itself
 */
@RegisterForReflection
public record SyncFailed(String eventId, String entity, String reason, boolean retryable) {
}
