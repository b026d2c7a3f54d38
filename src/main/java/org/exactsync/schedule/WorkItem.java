package org.exactsync.schedule;

import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One piece of a fanned-out scheduled round: the work of one tenant's division (or, with no division, of the tenant).
 *
 * @param round    the round it belongs to (its claim and its pending count are per round)
 * @param tenant   tenant
 * @param division Exact division, or null for tenant-wide work (the token keep-alive)
 */
@RegisterForReflection
public record WorkItem(String round, String tenant, Integer division) {

    public WorkItem {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** {@code tenant/division} (or the tenant) for reports and logs. */
    public String label() {
        return division == null ? tenant : tenant + "/" + division;
    }
}
