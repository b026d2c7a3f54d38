package org.exactsync.store;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port for the CRM relations matched against a division's account index and the operator's choices for the
 * ambiguous ones: one item per (tenant, division, CRM relation). Recording a match never erases a choice.
 */
public interface SeenRelationStore {

    /** Stores the relation's values and match outcome; keeps an existing choice. */
    void record(SeenRelation relation);

    /** Stores the operator's choice (a relation number or {@link SeenRelation#CREATE_NEW}); keeps the rest. */
    void choose(String tenant, int division, String crmId, String choice);

    Optional<SeenRelation> find(String tenant, int division, String crmId);

    /** Every relation recorded for the division, read page by page. */
    Stream<SeenRelation> all(String tenant, int division);
}
