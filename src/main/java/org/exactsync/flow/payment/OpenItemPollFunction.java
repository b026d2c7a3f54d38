package org.exactsync.flow.payment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.schedule.ScheduledRounds;
import org.exactsync.schedule.WorkItem;

import io.quarkus.funqy.Funq;

/**
 * Scheduled (EventBridge in the cloud, every 5 minutes): payment status of booked invoices back to the CRM. The tick
 * plans a round of one work item per live (tenant, division) and fans it out; each work item polls its division.
 */
public class OpenItemPollFunction {

    static final String SCHEDULE = "open-item-poll";
    /** Past this a stuck round no longer holds the next one back (6 periods). */
    static final Duration ROUND_CAP = Duration.ofMinutes(30);

    private final OpenItemPoll poll;
    private final ScheduledRounds rounds;

    public OpenItemPollFunction(OpenItemPoll poll, ScheduledRounds rounds) {
        this.poll = poll;
        this.rounds = rounds;
    }

    @Funq("open-item-poll")
    public PollReport poll(ScheduleTick tick) {
        Optional<WorkItem> item = ScheduleTick.workItemOf(tick);
        if (item.isPresent()) {
            return rounds.work(SCHEDULE, item.get(), this::pollItem).orElse(PollReport.sum(List.of()));
        }
        List<ScheduledRounds.Target> targets = poll.polled().stream()
                .flatMap(c -> c.divisions().stream().map(d -> new ScheduledRounds.Target(c.tenant(), d)))
                .toList();
        return rounds.start(SCHEDULE, ROUND_CAP, targets, this::pollItem).map(PollReport::sum)
                .orElse(PollReport.sum(List.of()));
    }

    private PollReport pollItem(WorkItem item) {
        return poll.pollDivision(item.tenant(), item.division());
    }
}
