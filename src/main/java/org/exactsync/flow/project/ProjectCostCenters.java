package org.exactsync.flow.project;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * For the invoice flow: the cost center code a CRM project has in a division, for invoice lines with a
 * {@code projectId}. Only a cost center that exists in Exact counts: a mapping that holds a code but no Exact id is a
 * claim made before a POST whose outcome is not known yet, and a line booked on that code could be refused.
 */
@ApplicationScoped
public class ProjectCostCenters {

    private final MappingStore mappings;

    public ProjectCostCenters(MappingStore mappings) {
        this.mappings = mappings;
    }

    /** The code (strongly consistent read), or empty when the project is not (yet) a cost center there. */
    public Optional<String> costCenterCode(String tenant, int division, String projectId) {
        return mappings.find(new MappingKey(tenant, division, EntityKind.PROJECT, projectId))
                .filter(m -> m.exactId() != null).map(MappingRecord::exactCode);
    }
}
