package org.exactsync.flow.admin;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The backlog of one (tenant, division): what the replay still has to finish there.
 *
 * @param tenant            tenant
 * @param division          Exact division
 * @param open              open events (accepted, in progress, waiting, failed)
 * @param byState           open events per state
 * @param waitingDue        waiting events whose retry time has come (the replay starts them on its next turn)
 * @param oldestAgeSeconds  age of the oldest open event (0 when none)
 * @param oldestAcceptedAt  when the oldest open event was accepted, or null
 * @param draining          whether a replay run holds the lane now
 */
@RegisterForReflection
public record LaneBacklog(String tenant, int division, int open, Map<String, Integer> byState, int waitingDue,
        long oldestAgeSeconds, String oldestAcceptedAt, boolean draining) {
}
