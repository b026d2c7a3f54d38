package org.exactsync.store;

import java.util.List;

/**
 * Port for the divisions found at a tenant's last consent. Kept apart from {@link ConnectionRecord}, whose
 * {@code divisions} are the ones selected for sync: selection is validated against this list without calling Exact.
 */
public interface DiscoveredDivisionStore {

    /** Replaces the tenant's list (a new consent may see other divisions). */
    void save(String tenant, List<DiscoveredDivision> divisions);

    /** The tenant's list in Exact's order; empty when the tenant never connected through the connect flow. */
    List<DiscoveredDivision> find(String tenant);
}
