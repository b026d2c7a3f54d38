package org.exactsync.crm.inbound;

import org.exactsync.store.EventRecord;

/**
 * Told after the pipeline stored an attempt's outcome, e.g. to keep a bulk upload's progress. Implementations are
 * CDI beans; they must be quick, must not throw for their own failures (the pipeline logs and ignores a throw), and
 * must not touch the event: its outcome is already stored.
 */
public interface AttemptObserver {

    /** Observes nothing. */
    AttemptObserver NONE = (before, outcome, resultJson) -> { };

    /**
     * @param before     the event as it was before this attempt took its lease (its status then)
     * @param outcome    what the attempt decided, as stored
     * @param resultJson the stored result JSON of a done or failed outcome, else null
     */
    void stored(EventRecord before, Outcome outcome, String resultJson);
}
