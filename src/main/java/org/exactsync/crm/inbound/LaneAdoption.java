package org.exactsync.crm.inbound;

import java.util.Map;
import java.util.Optional;

import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStore;
import org.exactsync.store.LanePlacement;
import org.jboss.logging.Logger;

/**
 * Puts open events that were claimed before lanes existed (an upgraded table) into their lanes, so that the drain
 * finishes them like any other: the 202 answer promised that the connector would. Each step reads one bounded page of
 * the sweep; once the sweep has passed every event an earlier version can have claimed, a step is one read.
 */
final class LaneAdoption {

    private static final Logger LOG = Logger.getLogger(LaneAdoption.class);
    /** A placement refused because the event moved on is tried again on a fresh read, this often at most. */
    private static final int TRIES = 3;

    private final EventStore events;
    private final InboundPipeline pipeline;
    private final Map<String, EventHandler<?>> handlersByType;
    private final int pageSize;

    LaneAdoption(EventStore events, InboundPipeline pipeline, Map<String, EventHandler<?>> handlersByType,
            int pageSize) {
        this.events = events;
        this.pipeline = pipeline;
        this.handlersByType = handlersByType;
        this.pageSize = pageSize;
    }

    /** One step of the sweep; returns how many events it placed in a lane. */
    int step() {
        int[] adopted = {0};
        events.sweepLaneless(pageSize, listed -> {
            if (adopt(listed)) {
                adopted[0]++;
            }
        });
        if (adopted[0] > 0) {
            LOG.infof("placed %d events claimed before lanes existed in their lanes", adopted[0]);
        }
        return adopted[0];
    }

    private boolean adopt(EventRecord listed) {
        EventHandler<?> handler = handlersByType.get(listed.type());
        Optional<LanePlacement> placement = handler == null ? Optional.empty() : pipeline.placement(listed, handler);
        if (placement.isEmpty()) {
            // Nothing to drain it by (no handler here, an unreadable body, no division): an operator replays it.
            LOG.warnf("event %s of tenant %s has no lane and cannot be given one; an operator may replay it",
                    listed.eventId(), listed.tenant());
            return false;
        }
        // The index read may be a moment old: on a refusal, read again and retry while it is still open.
        Optional<EventRecord> current = Optional.of(listed);
        for (int attempt = 0; attempt < TRIES && current.isPresent(); attempt++) {
            EventRecord tried = current.get();
            if (events.adoptIntoLane(tried, placement.get())) {
                return true;
            }
            current = events.find(listed.tenant(), listed.eventId())
                    .filter(record -> record.status().open() && record.version() != tried.version());
        }
        return false;
    }
}
