package org.exactsync.crm;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.exactsync.schedule.WorkItem;

/**
 * The input of a scheduled function: the part of an EventBridge scheduled event it reads (nothing it depends on), or a
 * work item of a fanned-out round ({@code round}, {@code tenant}, {@code division}) handed out by the round's planner.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record ScheduleTick(String id, String time, String round, String tenant, Integer division) {

    /** A tick of the schedule itself. */
    public ScheduleTick(String id, String time) {
        this(id, time, null, null, null);
    }

    /** The work item this invocation is to do; empty for the schedule's own tick (which plans the round). */
    public Optional<WorkItem> workItem() {
        return round == null || tenant == null ? Optional.empty()
                : Optional.of(new WorkItem(round, tenant, division));
    }

    /** The work item of {@code tick}, which Funqy passes as null for an empty input. */
    public static Optional<WorkItem> workItemOf(ScheduleTick tick) {
        return tick == null ? Optional.empty() : tick.workItem();
    }
}
