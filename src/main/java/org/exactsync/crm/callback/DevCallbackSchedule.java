package org.exactsync.crm.callback;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * The local run's stand-in for the cloud schedule of {@code callback-dispatch}: in-process, dev mode only (in Lambda an
 * in-process timer fires only while an instance happens to be warm).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevCallbackSchedule {

    private final CallbackDispatcher dispatcher;

    public DevCallbackSchedule(CallbackDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        dispatcher.dispatchDue();
    }
}
