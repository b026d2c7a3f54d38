package org.exactsync.flow.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.store.BacklogLane;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.LaneEvent;
import org.exactsync.store.LanePage;

/** Reads the backlog of (tenant, division) lanes for the admin route and the metrics run. */
final class LaneBacklogs {

    private static final int PAGE = 200;

    private final EventStore events;
    private final Clock clock;

    LaneBacklogs(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Every lane of {@code tenant} listed with backlog, in division order. */
    List<LaneBacklog> tenant(String tenant) {
        Instant now = clock.instant();
        List<LaneBacklog> lanes = new ArrayList<>();
        events.backlogLanes().stream().filter(lane -> lane.tenant().equals(tenant))
                .sorted(java.util.Comparator.comparingInt(BacklogLane::division))
                .forEach(lane -> lanes.add(lane(tenant, lane.division(), lane.leasedAt(now))));
        return lanes;
    }

    /** Pages through the lane's open events (no cap: the count must be right, and the index holds only backlog). */
    LaneBacklog lane(String tenant, int division, boolean draining) {
        Instant now = clock.instant();
        Map<String, Integer> byState = new LinkedHashMap<>();
        int open = 0;
        int waitingDue = 0;
        Instant oldest = null;
        String position = null;
        do {
            LanePage page = events.laneEvents(tenant, division, position, PAGE);
            for (LaneEvent event : page.events()) {
                EventRecord record = event.record();
                open++;
                byState.merge(EventAdmin.stateName(record.status()), 1, Integer::sum);
                if (record.status() == EventStatus.WAITING
                        && (record.retryAt() == null || !record.retryAt().isAfter(now))) {
                    waitingDue++;
                }
                if (record.acceptedAt() != null && (oldest == null || record.acceptedAt().isBefore(oldest))) {
                    oldest = record.acceptedAt();
                }
            }
            position = page.next();
        } while (position != null);
        long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        return new LaneBacklog(tenant, division, open, byState, waitingDue, age,
                oldest == null ? null : oldest.toString(), draining);
    }
}
