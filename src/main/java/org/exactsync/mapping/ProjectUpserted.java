package org.exactsync.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code data} of a {@code project.upserted} event (crm-contract.md), bound only after {@link ProjectValidator}
 * found no problems. Becomes one Exact cost center per target division.
 *
 * @param id          the CRM's project id (mapping key)
 * @param number      the CRM's project number; the cost center code is derived from it ({@link CostCenterCodes})
 * @param description the cost center's description (at most {@link ProjectLimits#DESCRIPTION} characters)
 * @param relationId  the CRM relation the project is for, or null (cost centers have no customer in Exact)
 * @param active      false closes the cost center (end date); null means true
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectUpserted(String id, String number, String description, String relationId, Boolean active) {

    /** True unless the CRM sent {@code "active": false}. */
    public boolean isActive() {
        return active == null || active;
    }
}
