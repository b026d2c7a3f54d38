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
 * @param adminSecret     key of the route-bound signature on the tenant admin routes, kept apart from the CRM's
 *                        inbound secret so that whoever can post events cannot switch the tenant live; empty: the
 *                        admin routes refuse every request of this tenant
 */
public record Tenant(String id, String inboundSecret, String outboundSecret, Optional<URI> callbackUrl,
        ConflictPolicy conflictPolicy, List<Integer> divisions, Optional<String> adminSecret) {

    public Tenant {
        divisions = List.copyOf(divisions);
        adminSecret = adminSecret.filter(secret -> !secret.isBlank());
    }

    /** A tenant without an admin secret (CRM-side tests and tools that never call an admin route). */
    public Tenant(String id, String inboundSecret, String outboundSecret, Optional<URI> callbackUrl,
            ConflictPolicy conflictPolicy, List<Integer> divisions) {
        this(id, inboundSecret, outboundSecret, callbackUrl, conflictPolicy, divisions, Optional.empty());
    }

    @Override
    public String toString() {
        // Secrets stay out of logs and exception messages.
        return "Tenant[id=" + id + ", callbackUrl=" + callbackUrl.isPresent() + ", conflictPolicy=" + conflictPolicy
                + ", divisions=" + divisions + ", adminSecret=" + adminSecret.isPresent() + "]";
    }
}
