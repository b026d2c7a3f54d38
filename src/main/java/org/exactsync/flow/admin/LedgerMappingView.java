package org.exactsync.flow.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.exactsync.mapping.MappingFinding;

/**
 * A division's ledger mapping with the result of checking it against the division's master data, read fresh from
 * Exact.
 *
 * @param division  Exact division
 * @param mapping   the stored mapping with its version, or null when none is configured
 * @param findings  what is wrong or missing, errors first
 * @param ready     true when there is a mapping and no finding is an error: invoices can be booked
 */
@RegisterForReflection
public record LedgerMappingView(int division, LedgerMappingBody mapping, List<MappingFinding> findings,
        boolean ready) {
}
