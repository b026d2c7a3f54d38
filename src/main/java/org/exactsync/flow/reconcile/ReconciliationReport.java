package org.exactsync.flow.reconcile;

import java.util.List;

import org.exactsync.mapping.InvoiceDrift;
import org.exactsync.mapping.RelationDrift;

/**
 * The answer of one reconciliation run: counts and findings, ids, GL codes and amounts only (no names, addresses or
 * e-mail addresses).
 *
 * @param tenant           tenant
 * @param division         Exact division
 * @param from             first entry date of the period (ISO)
 * @param to               last entry date of the period (ISO)
 * @param invoicesChecked  booked invoices of the period compared with Exact
 * @param relationsChecked linked relations of the division compared with Exact
 * @param invoiceFindings  number of invoice findings
 * @param relationFindings number of relation findings
 * @param invoices         the invoice findings, by invoice id then kind
 * @param relations        the relation findings, by relation id
 */
public record ReconciliationReport(String tenant, int division, String from, String to, int invoicesChecked,
        int relationsChecked, int invoiceFindings, int relationFindings, List<InvoiceDrift> invoices,
        List<RelationDrift> relations) {

    public ReconciliationReport {
        invoices = List.copyOf(invoices);
        relations = List.copyOf(relations);
    }

    /** Whether Exact still holds everything the connector booked and sent. */
    public boolean clean() {
        return invoices.isEmpty() && relations.isEmpty();
    }
}
