package org.exactsync.flow.payment.report;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Open receivables of one CRM relation, per division it is synced to.
 *
 * @param relationId the CRM relation
 * @param asOf       report date (ISO, Europe/Amsterdam)
 * @param divisions  one entry per division where the relation has an Exact account
 */
@RegisterForReflection
public record ReceivablesReport(String relationId, String asOf, List<DivisionReceivables> divisions) {

    public ReceivablesReport {
        divisions = List.copyOf(divisions);
    }
}
