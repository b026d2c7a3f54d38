package org.exactsync.flow.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.metrics.MetricNames;
import org.exactsync.metrics.MetricPoint;
import org.exactsync.metrics.MetricUnit;
import org.exactsync.metrics.Metrics;
import org.exactsync.store.BacklogLane;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.exact.port.TokenStore;

/**
 * Measures what no single request sees: the age of the oldest open event, open events per state, the backlog of every
 * (tenant, division) lane, and connections needing consent. Run on a schedule; the points feed the backlog-age and needs-consent alarms.
 */
@ApplicationScoped
public class BacklogMonitor {

    /** Per state at most this many events are read: enough for the count an alarm needs, cheap to read. */
    static final int SAMPLE = 100;

    private final EventStore events;
    private final ConnectionStore connections;
    private final TokenStore tokens;
    private final Metrics metrics;
    private final Clock clock;
    private final LaneBacklogs laneBacklogs;

    public BacklogMonitor(EventStore events, ConnectionStore connections, TokenStore tokens, Metrics metrics,
            Clock clock) {
        this.events = events;
        this.connections = connections;
        this.tokens = tokens;
        this.metrics = metrics;
        this.clock = clock;
        this.laneBacklogs = new LaneBacklogs(events, clock);
    }

    /** Measures and records the points. */
    public BacklogSnapshot measure() {
        Instant now = clock.instant();
        Instant oldest = null;
        Map<String, Integer> open = new LinkedHashMap<>();
        for (EventStatus status : EventStatus.values()) {
            if (!status.open()) {
                continue;
            }
            List<EventRecord> found = events.findByStatus(status, SAMPLE);
            open.put(EventAdmin.stateName(status), found.size());
            metrics.record(new MetricPoint(MetricNames.OPEN_EVENTS, MetricUnit.COUNT, found.size(),
                    Map.of("Status", EventAdmin.stateName(status)), Map.of()));
            for (EventRecord record : found) {
                if (record.acceptedAt() != null && (oldest == null || record.acceptedAt().isBefore(oldest))) {
                    oldest = record.acceptedAt();
                }
            }
        }
        long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        metrics.record(new MetricPoint(MetricNames.BACKLOG_AGE, MetricUnit.SECONDS, age, Map.of(), Map.of()));
        int needsConsent = (int) connections.findAll().stream().filter(this::needsConsent).count();
        metrics.record(new MetricPoint(MetricNames.NEEDS_CONSENT, MetricUnit.COUNT, needsConsent, Map.of(),
                Map.of()));
        List<LaneBacklog> lanes = new ArrayList<>();
        for (BacklogLane lane : events.backlogLanes()) {
            LaneBacklog backlog = laneBacklogs.lane(lane.tenant(), lane.division(), lane.leasedAt(now));
            lanes.add(backlog);
            // Tenant and division are properties, not dimensions: a metric per lane would be billed per lane.
            Map<String, String> where = Map.of("tenant", lane.tenant(), "division",
                    Integer.toString(lane.division()));
            metrics.record(new MetricPoint(MetricNames.LANE_BACKLOG, MetricUnit.COUNT, backlog.open(), Map.of(),
                    where));
            metrics.record(new MetricPoint(MetricNames.LANE_BACKLOG_AGE, MetricUnit.SECONDS,
                    backlog.oldestAgeSeconds(), Map.of(), where));
        }
        return new BacklogSnapshot(age, open, needsConsent, lanes);
    }

    /** As the admin status says it: the connection or its token chain is marked broken, or the chain is gone. */
    private boolean needsConsent(ConnectionRecord connection) {
        if (connection.status() == ConnectionStatus.NEEDS_CONSENT) {
            return true;
        }
        // The Exact client marks a broken chain on the token item; the keep-alive copies it to the connection later.
        return tokens.find(connection.tokenKey()).map(token -> token.status() == ConnectionStatus.NEEDS_CONSENT)
                .orElse(true);
    }
}
