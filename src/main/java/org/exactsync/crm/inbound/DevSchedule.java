package org.exactsync.crm.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.CallbackDispatcher;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * The local run's stand-in for the cloud schedules of {@code callback-dispatch} and {@code event-replay}: in-process,
 * dev mode only (in Lambda an in-process timer fires only while an instance happens to be warm).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevSchedule {

    private final CallbackDispatcher dispatcher;
    private final EventReplayer replayer;

    public DevSchedule(CallbackDispatcher dispatcher, EventReplayer replayer) {
        this.dispatcher = dispatcher;
        this.replayer = replayer;
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDueCallbacks() {
        dispatcher.dispatchDue();
    }

    @Scheduled(every = "30s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replayDueEvents() {
        replayer.replayDue();
    }
}
