package org.exactsync.store;

import java.util.List;

/** Port for the audit trail of admin writes, per tenant (docs/data-retention.md: how long entries are kept). */
public interface AuditTrail {

    /** Appends an entry (never overwrites another, also within one millisecond). */
    void record(AuditEntry entry);

    /** The tenant's newest entries first, at most {@code limit}. */
    List<AuditEntry> recent(String tenant, int limit);
}
