package org.exactsync.flow.admin;

import org.exactsync.crm.ScheduleTick;

import io.quarkus.funqy.Funq;

/** Scheduled (EventBridge, every 5 minutes): backlog age, open events and needs-consent connections as metrics. */
public class OpsMetricsFunction {

    private final BacklogMonitor monitor;

    public OpsMetricsFunction(BacklogMonitor monitor) {
        this.monitor = monitor;
    }

    @Funq("ops-metrics")
    public BacklogSnapshot measure(ScheduleTick tick) {
        return monitor.measure();
    }
}
