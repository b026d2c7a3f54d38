package org.exactsync.crm.inbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStore;
import org.exactsync.store.LaneEvent;
import org.exactsync.store.LanePage;

/**
 * One lane's open events during a drain, read page by page, oldest first, and handed out one at a time in the order
 * the flows need: an event is held back while an older event of its own entity, or of an entity it needs, is still
 * open in this pass (its start could only answer Waiting or apply an older version after a newer one; an event the
 * replay will never start by itself, such as a final failure, holds nothing back), and an event
 * whose prerequisite is queued behind it is moved behind that prerequisite once (an invoice delivered before its
 * relation is booked right after the relation, not a retry period later).
 */
final class LaneQueue {

    /** An event to start now. */
    record Candidate(LaneEvent event) {
        EventRecord record() {
            return event.record();
        }
    }

    private final EventStore events;
    private final String tenant;
    private final int division;
    private final int pageSize;
    private final List<LaneEvent> queue = new ArrayList<>();
    /** Entities with an event that is still open in this pass (not started, not due, or not finished). */
    private final Set<String> open = new HashSet<>();
    private final Set<String> deferred = new HashSet<>();
    private String position;
    private boolean exhausted;
    private boolean sawOpenEvent;

    LaneQueue(EventStore events, String tenant, int division, int pageSize) {
        this.events = events;
        this.tenant = tenant;
        this.division = division;
        this.pageSize = pageSize;
    }

    String tenant() {
        return tenant;
    }

    int division() {
        return division;
    }

    /** Whether the lane had no open event at all (it may then leave the list of lanes). */
    boolean sawNoOpenEvent() {
        return !sawOpenEvent;
    }

    /**
     * The next event to start, skipping (and counting) those held back or whose {@code turns} is not now; empty when
     * the lane has no more.
     */
    Optional<Candidate> next(Function<EventRecord, EventReplayer.Turn> turns, EventReplayer.Tally tally) {
        while (true) {
            if (queue.isEmpty() && !load()) {
                return Optional.empty();
            }
            LaneEvent event = queue.remove(0);
            sawOpenEvent = true;
            EventReplayer.Turn turn = turns.apply(event.record());
            if (turn == EventReplayer.Turn.NEVER) {
                tally.skipped++;
                continue;
            }
            if (heldBack(event) || turn == EventReplayer.Turn.LATER) {
                open.add(event.entity());
                tally.skipped++;
                continue;
            }
            if (deferBehindPrerequisite(event)) {
                continue;
            }
            return Optional.of(new Candidate(event));
        }
    }

    /** After the run of {@code started}: unless it finished, later events of its entity stay behind it. */
    void finished(Candidate started, boolean done) {
        if (!done) {
            open.add(started.event().entity());
        }
    }

    private boolean heldBack(LaneEvent event) {
        return open.contains(event.entity()) || event.after().stream().anyMatch(open::contains);
    }

    private boolean deferBehindPrerequisite(LaneEvent event) {
        if (event.after().isEmpty() || !deferred.add(event.record().eventId())) {
            return false;
        }
        int last = -1;
        for (int i = 0; i < queue.size(); i++) {
            if (event.after().contains(queue.get(i).entity())) {
                last = i;
            }
        }
        for (int i = 0; i < last; i++) {
            if (queue.get(i).entity().equals(event.entity())) {
                // A newer event of its own entity lies in between: moving it would reverse the two.
                return false;
            }
        }
        if (last < 0) {
            return false;
        }
        queue.add(last + 1, event);
        return true;
    }

    private boolean load() {
        if (exhausted) {
            return false;
        }
        LanePage page = events.laneEvents(tenant, division, position, pageSize);
        queue.addAll(page.events());
        position = page.next();
        exhausted = page.next() == null;
        return !page.events().isEmpty() || (!exhausted && load());
    }
}
