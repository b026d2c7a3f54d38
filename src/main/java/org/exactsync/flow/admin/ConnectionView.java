package org.exactsync.flow.admin;

import java.util.List;

import org.exactsync.store.DiscoveredDivision;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A tenant's connection as the admin routes show it.
 *
 * @param tenant           tenant
 * @param status           {@code active}, {@code needs-consent} or {@code not-connected}
 * @param mode             {@code dry-run} or {@code live}; null when not connected
 * @param site             Exact site; null when not connected
 * @param divisions        divisions selected for sync
 * @param defaultDivisions divisions an event without {@code divisions} goes to
 * @param available        divisions found at the last consent
 * @param connectUrl       a fresh signed connect link when a person must (re)consent, else null
 */
@RegisterForReflection
public record ConnectionView(String tenant, String status, String mode, String site, List<Integer> divisions,
        List<Integer> defaultDivisions, List<DiscoveredDivision> available, String connectUrl) {
}
