package org.exactsync.flow.keepalive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.exactsync.crm.ScheduleTick;
import org.exactsync.schedule.ScheduledRounds;
import org.exactsync.schedule.WorkItem;

import io.quarkus.funqy.Funq;

/**
 * Daily schedule (EventBridge in the cloud): keeps every tenant's Exact token chain alive. The tick plans a round of
 * one work item per active tenant (one chain serves all its divisions) and fans it out.
 */
public class TokenKeepAliveFunction {

    static final String SCHEDULE = "token-keepalive";
    /** Past this a stuck round no longer holds the next one back. */
    static final Duration ROUND_CAP = Duration.ofHours(6);

    private final TokenKeepAliveService service;
    private final ScheduledRounds rounds;

    public TokenKeepAliveFunction(TokenKeepAliveService service, ScheduledRounds rounds) {
        this.service = service;
        this.rounds = rounds;
    }

    @Funq("token-keepalive")
    public KeepAliveReport keepAlive(ScheduleTick tick) {
        Optional<WorkItem> item = ScheduleTick.workItemOf(tick);
        if (item.isPresent()) {
            return rounds.work(SCHEDULE, item.get(), this::keepAliveItem).orElse(KeepAliveReport.sum(List.of()));
        }
        List<ScheduledRounds.Target> targets = service.activeConnections().stream()
                .map(c -> new ScheduledRounds.Target(c.tenant(), null)).toList();
        return rounds.start(SCHEDULE, ROUND_CAP, targets, this::keepAliveItem).map(KeepAliveReport::sum)
                .orElse(KeepAliveReport.sum(List.of()));
    }

    private KeepAliveReport keepAliveItem(WorkItem item) {
        return service.keepAlive(item.tenant());
    }
}
