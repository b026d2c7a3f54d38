package org.exactsync.flow.project;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.schedule.ScheduledRounds;
import org.exactsync.schedule.WorkItem;

import io.quarkus.funqy.Funq;

/**
 * Scheduled (EventBridge in the cloud, every 15 minutes): reads back the purchases booked on every mapped project's
 * cost center. The tick plans a round of one work item per active (tenant, division) and fans it out.
 */
public class ProjectCostsFunction {

    static final String SCHEDULE = "project-costs";
    /** Past this a stuck round no longer holds the next one back (4 periods). */
    static final Duration ROUND_CAP = Duration.ofHours(1);

    private final ProjectCostsReader reader;
    private final ScheduledRounds rounds;

    public ProjectCostsFunction(ProjectCostsReader reader, ScheduledRounds rounds) {
        this.reader = reader;
        this.rounds = rounds;
    }

    @Funq("project-costs")
    public ProjectCostsReport readBack(ScheduleTick tick) {
        Optional<WorkItem> item = ScheduleTick.workItemOf(tick);
        if (item.isPresent()) {
            return rounds.work(SCHEDULE, item.get(), this::readItem).orElse(ProjectCostsReport.sum(List.of()));
        }
        List<ScheduledRounds.Target> targets = reader.activeConnections().stream()
                .flatMap(c -> c.divisions().stream().map(d -> new ScheduledRounds.Target(c.tenant(), d)))
                .toList();
        return rounds.start(SCHEDULE, ROUND_CAP, targets, this::readItem).map(ProjectCostsReport::sum)
                .orElse(ProjectCostsReport.sum(List.of()));
    }

    private ProjectCostsReport readItem(WorkItem item) {
        return reader.readDivision(item.tenant(), item.division());
    }
}
