package org.exactsync.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.RoundStore;
import org.jboss.logging.Logger;

/**
 * The one way a schedule fans out: the planner invocation lists the round's work items, takes the round lease (a round
 * still running refuses the next one) and hands the items to workers; each worker claims its item once per round,
 * does it, and counts it off. Exact calls per item are the flow's own, so a division costs the same per round as in
 * the loop it replaces.
 */
@ApplicationScoped
public class ScheduledRounds {

    private static final Logger LOG = Logger.getLogger(ScheduledRounds.class);

    private final RoundStore rounds;
    private final WorkDispatcher dispatcher;
    private final Clock clock;

    public ScheduledRounds(RoundStore rounds, WorkDispatcher dispatcher, Clock clock) {
        this.rounds = rounds;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** A (tenant, division) to work on, or a tenant with a null division. */
    public record Target(String tenant, Integer division) {
    }

    /**
     * Plans and hands out one round.
     *
     * @param cap    the longest a round may hold the lease: past it a next round starts even if items are pending
     *               (a lost worker must not stop the schedule)
     * @param worker the work of one item (run here by the in-process dispatcher, by the worker invocation in AWS)
     * @return the in-process workers' results (empty in AWS), or empty when the previous round still runs
     */
    public <R> Optional<List<R>> start(String schedule, Duration cap, List<Target> targets,
            Function<WorkItem, R> worker) {
        Instant now = clock.instant();
        String round = schedule + "@" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (!rounds.begin(schedule, round, targets.size(), now.plus(cap))) {
            LOG.infof("%s: the previous round is still running; this one is skipped", schedule);
            return Optional.empty();
        }
        List<WorkItem> items = targets.stream().map(t -> new WorkItem(round, t.tenant(), t.division())).toList();
        WorkDispatcher.Dispatched<R> dispatched = dispatcher.dispatch(items,
                item -> work(schedule, item, worker).orElse(null));
        dispatched.refused().forEach(item -> rounds.finishItem(schedule, round));
        LOG.infof("%s: round %s handed out %d of %d work items", schedule, round,
                items.size() - dispatched.refused().size(), items.size());
        return Optional.of(dispatched.results());
    }

    /** A worker's run of one item: empty when the item was already claimed in its round (a repeated delivery). */
    public <R> Optional<R> work(String schedule, WorkItem item, Function<WorkItem, R> worker) {
        if (!rounds.claimItem(schedule, item.round(), item.tenant(), item.division())) {
            LOG.infof("%s: work item %s of round %s was already done", schedule, item.label(), item.round());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(worker.apply(item));
        } finally {
            rounds.finishItem(schedule, item.round());
        }
    }
}
