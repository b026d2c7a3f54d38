package org.exactsync.crm;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One CRM tenant's settings.
 *
 * @param id              tenant id as the envelope names it
 * @param inboundSecret   key of the inbound {@code Crm-Signature}
 * @param outboundSecret  key of the signature on callbacks
 * @param callbackUrl     where callbacks go; empty keeps them queued
 * @param conflictPolicy  what to do when Exact was changed by a bookkeeper
 * @param divisions       default target divisions; empty means "the connection's default divisions"
 */
public record Tenant(String id, String inboundSecret, String outboundSecret, Optional<URI> callbackUrl,
        ConflictPolicy conflictPolicy, List<Integer> divisions) {

    public Tenant {
        divisions = List.copyOf(divisions);
    }

    @Override
    public String toString() {
        // Secrets stay out of logs and exception messages.
        return "Tenant[id=" + id + ", callbackUrl=" + callbackUrl.isPresent() + ", conflictPolicy=" + conflictPolicy
                + ", divisions=" + divisions + "]";
    }
}
