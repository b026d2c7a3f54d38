package org.exactsync.flow.project;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of the {@code project.synced} callback (crm-contract.md), sent when a cost center was created or
 * changed in a division.
 *
 * @param projectId      CRM project id
 * @param division       Exact division
 * @param costCenterCode the cost center code in that division (fixed once created)
 * @param costCenterId   the cost center's GUID (an addition to the contract's key fields)
 * @param active         false once the cost center is closed (has an end date)
 */
@RegisterForReflection
public record ProjectSynced(String projectId, int division, String costCenterCode, String costCenterId,
        boolean active) {
}
