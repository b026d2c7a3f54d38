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
 * @param relationPaymentCondition the payment condition code the relation flow gave the account in this division
 *                               ({@code PaymentConditionSales} of its RELATION mapping), or null when it gave none
 */
public record BookingContext(int division, UUID customer, Map<String, String> costCenterByProject,
        String creditedInvoiceNumber, String relationPaymentCondition) {

    public BookingContext {
        costCenterByProject = Map.copyOf(costCenterByProject);
        relationPaymentCondition = relationPaymentCondition == null || relationPaymentCondition.isBlank() ? null
                : relationPaymentCondition.strip();
    }

    /** A context whose relation has no payment condition of its own. */
    public BookingContext(int division, UUID customer, Map<String, String> costCenterByProject,
            String creditedInvoiceNumber) {
        this(division, customer, costCenterByProject, creditedInvoiceNumber, null);
    }
}
