package org.exactsync.crm.inbound;

import io.quarkus.funqy.Funq;

import org.exactsync.crm.ScheduleTick;

/** Scheduled (EventBridge in the cloud): finishes accepted events that had to wait, without a new CRM delivery. */
public class EventReplayFunction {

    private final EventReplayer replayer;

    public EventReplayFunction(EventReplayer replayer) {
        this.replayer = replayer;
    }

    @Funq("event-replay")
    public ReplayReport replay(ScheduleTick tick) {
        return replayer.replayDue();
    }
}
