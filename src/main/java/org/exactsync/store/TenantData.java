package org.exactsync.store;

import java.util.List;

/**
 * Port for what the data-protection routes do to every stored item of a tenant at once (docs/data-retention.md):
 * erase one CRM relation's personal data, or remove the tenant. Neither touches Exact.
 */
public interface TenantData {

    /**
     * What an erasure did (or why it did nothing).
     *
     * @param inFlight         ids of the relation's events still being worked (accepted, in progress, waiting): the
     *                         erasure was refused and nothing was changed
     * @param mappingsCleared  mapping items of the relation and its contacts whose sent values were removed
     * @param eventsRedacted   stored events of the relation whose body and result were replaced by ids only
     * @param callbacksDeleted queued callbacks about the relation that were deleted
     * @param onboardingDeleted onboarding records of the relation (its values as matched per division) deleted
     */
    record Erasure(List<String> inFlight, int mappingsCleared, int eventsRedacted, int callbacksDeleted,
            int onboardingDeleted) {

        public Erasure {
            inFlight = List.copyOf(inFlight);
        }

        /** Whether the erasure was refused because events of the relation are still being worked. */
        public boolean refused() {
            return !inFlight.isEmpty();
        }
    }

    /**
     * Removes the relation's personal data from every item of the tenant: the values last sent to Exact in its
     * mappings (relation and contacts: ids, Exact ids and numbers stay, so bookings keep their link), the bodies and
     * results of its stored events (replaced by the ids; the body hash stays so a redelivery is still recognised),
     * its queued callbacks. Refused (nothing changed) while one of its events is being worked.
     */
    Erasure eraseRelation(String tenant, String relationId);

    /** Deletes every item of the tenant (connection, token chains, mappings, events, callbacks, audit…); the count. */
    int removeTenant(String tenant);
}
