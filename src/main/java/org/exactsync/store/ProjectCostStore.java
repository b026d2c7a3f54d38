package org.exactsync.store;

import java.util.List;
import java.util.Optional;

/**
 * Port for the purchases read back per project (the {@code project-costs} read-back). One record per (tenant,
 * division, project); saves are compare-and-swap on the version so two read-backs of one division cannot lose each
 * other's lines.
 */
public interface ProjectCostStore {

    /** The project's record (strongly consistent read), or empty when nothing was read back for it yet. */
    Optional<ProjectCosts> find(ProjectCostsKey key);

    /** Every project's record in a tenant's division (a read-back looks for lines that moved between projects). */
    List<ProjectCosts> findAll(String tenant, int division);

    /**
     * Stores {@code costs} if the stored version is still {@code costs.version()} (0 = must not exist yet).
     *
     * @return the stored record with version + 1, or empty when another writer got there first
     */
    Optional<ProjectCosts> save(ProjectCosts costs);
}
