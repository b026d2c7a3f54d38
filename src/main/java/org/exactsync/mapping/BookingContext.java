package org.exactsync.mapping;

import java.util.Map;
import java.util.UUID;

/**
 * What the stores know about an invoice's dependencies in one division.
 *
 * @param division               the division (for messages)
 * @param customer               the relation's Exact account GUID (its RELATION mapping)
 * @param costCenterByProject    CRM project id → cost center code (the PROJECT mappings of the lines' projects)
 * @param creditedInvoiceNumber  for a credit note: the credited invoice's CRM number when it was booked, else null
 */
public record BookingContext(int division, UUID customer, Map<String, String> costCenterByProject,
        String creditedInvoiceNumber) {

    public BookingContext {
        costCenterByProject = Map.copyOf(costCenterByProject);
    }
}
