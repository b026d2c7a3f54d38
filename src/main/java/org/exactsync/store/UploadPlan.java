package org.exactsync.store;

import java.time.Instant;
import java.util.List;

/**
 * What every part of an upload must agree on (the header line of each part).
 *
 * @param tenant     tenant
 * @param uploadId   the CRM's id of the upload
 * @param parts      how many parts the upload has
 * @param divisions  the divisions named by the header, empty for the tenant's defaults
 * @param occurredAt when the CRM took the export (each event's {@code occurredAt})
 */
public record UploadPlan(String tenant, String uploadId, int parts, List<Integer> divisions, Instant occurredAt) {

    public UploadPlan {
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
    }
}
