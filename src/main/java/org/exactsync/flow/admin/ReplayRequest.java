package org.exactsync.flow.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /admin/tenants/<t>/events/<eventId>/replay}. The id is repeated in the signed body so a
 * signature cannot be replayed against another event's path.
 */
@RegisterForReflection
public record ReplayRequest(String eventId) {
}
