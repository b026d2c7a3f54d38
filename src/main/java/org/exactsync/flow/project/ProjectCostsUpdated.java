package org.exactsync.flow.project;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the {@code project.costs-updated} callback (crm-contract.md): the complete current purchases of a
 * project in one division, sent only when they changed since the last callback.
 *
 * @param projectId      CRM project id
 * @param division       Exact division
 * @param costCenterCode the project's cost center code there (an addition to the contract's key fields)
 * @param totalPurchases sum of the entries' amounts, decimal string with 2 decimals
 * @param entries        every purchase line on the cost center, by date
 */
@RegisterForReflection
public record ProjectCostsUpdated(String projectId, int division, String costCenterCode, String totalPurchases,
        List<ProjectCostEntry> entries) {

    public ProjectCostsUpdated {
        entries = List.copyOf(entries);
    }
}
