package org.exactsync.crm.inbound;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shared inbound pipeline: signature (401) → envelope and handler validation (400) → idempotency claim on
 * {@code eventId} (same body: the stored answer again; other body: 409) → durable acceptance → handler → answer.
 */
@ApplicationScoped
public class InboundPipeline {

    /** Handles one webhook delivery for {@code handler}'s event type and returns the contract's answer. */
    public HttpResponseEvent handle(HttpRequestEvent request, EventHandler<?> handler) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
