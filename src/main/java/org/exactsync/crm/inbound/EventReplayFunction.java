package org.exactsync.crm.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.schedule.FanoutConfig;
import org.exactsync.schedule.WorkDispatcher;
import org.exactsync.schedule.WorkItem;
import org.exactsync.store.BacklogLane;

/**
 * Scheduled (EventBridge in the cloud, every minute): finishes accepted events that had to wait, without a new CRM
 * delivery. The tick hands each lane with backlog that no run holds to a worker of its own, at most
 * {@code connector.fanout.replay-lanes} lanes in flight (the function's reserved concurrency leaves room for them and
 * the planner); each worker drains its lane under the lane's drain lease until its own deadline. Rounds may overlap:
 * the drain lease, not a round lease, keeps two runs off one division. Before listing the lanes the planner puts a
 * page of events claimed before lanes existed into their lanes.
 */
public class EventReplayFunction {

    private final EventReplayer replayer;
    private final WorkDispatcher dispatcher;
    private final Clock clock;
    private final int maxLanes;

    @Inject
    public EventReplayFunction(EventReplayer replayer, WorkDispatcher dispatcher, Clock clock, FanoutConfig fanout) {
        this(replayer, dispatcher, clock, fanout.replayLanes());
    }

    /** For tests and tools: an explicit bound on the lanes in flight. */
    public EventReplayFunction(EventReplayer replayer, WorkDispatcher dispatcher, Clock clock, int maxLanes) {
        this.replayer = replayer;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.maxLanes = maxLanes;
    }

    @Funq("event-replay")
    public ReplayReport replay(ScheduleTick tick) {
        Optional<WorkItem> item = ScheduleTick.workItemOf(tick);
        if (item.isPresent() && item.get().division() != null) {
            return drainAndHandOn(item.get());
        }
        replayer.adoptLaneless();
        List<BacklogLane> all = replayer.backlogLanes();
        long held = all.stream().filter(lane -> lane.leasedAt(clock.instant())).count();
        // Lanes held by earlier rounds' workers count against the bound: queued invocations would only pile up.
        int free = (int) Math.max(0, maxLanes - held);
        String round = "event-replay@" + clock.millis() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<WorkItem> items = replayer.lanesToDrain(all).stream().limit(free)
                .map(lane -> new WorkItem(round, lane.tenant(), lane.division())).toList();
        List<ReplayReport> reports = dispatcher.dispatch(items,
                work -> replayer.drainLane(work.tenant(), work.division())).results();
        return new ReplayReport(reports.stream().mapToInt(ReplayReport::resumed).sum(),
                reports.stream().mapToInt(ReplayReport::done).sum(),
                reports.stream().mapToInt(ReplayReport::skipped).sum(), items.size());
    }

    /**
     * A lane's worker. When its deadline stops it with due events left, it hands the lane at once to a new worker
     * (its lease is released by then): waiting for the next tick would leave the division's budget unused for up to
     * a minute every Timeout, about a tenth of a long drain.
     */
    private ReplayReport drainAndHandOn(WorkItem lane) {
        ReplayReport report = replayer.drainLane(lane.tenant(), lane.division());
        if (report.cutShort() > 0) {
            dispatcher.dispatch(List.of(lane), work -> replayer.drainLane(work.tenant(), work.division()));
        }
        return report;
    }
}
