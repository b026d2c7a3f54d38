package org.exactsync.store;

import java.util.List;

/**
 * An open event as its backlog lane lists it: the record and what orders it against its neighbours.
 *
 * @param record the stored event (read from an index, so possibly a moment old)
 * @param entity the CRM entity it changes ({@code relation:rel-1001}); {@code event:<eventId>} when unknown
 * @param after  entities that must be synced first (an invoice's relation and projects)
 */
public record LaneEvent(EventRecord record, String entity, List<String> after) {

    public LaneEvent {
        after = after == null ? List.of() : List.copyOf(after);
    }
}
