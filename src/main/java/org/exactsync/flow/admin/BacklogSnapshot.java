package org.exactsync.flow.admin;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one metrics run measured.
 *
 * @param backlogAgeSeconds age of the oldest open event of any tenant (0 when none)
 * @param openEvents        open events per state, capped at the sample size per state
 * @param needsConsent      connections whose consent must be given again
 * @param lanes             the backlog of every (tenant, division) listed with backlog
 */
@RegisterForReflection
public record BacklogSnapshot(long backlogAgeSeconds, Map<String, Integer> openEvents, int needsConsent,
        List<LaneBacklog> lanes) {

    public BacklogSnapshot {
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }
}
