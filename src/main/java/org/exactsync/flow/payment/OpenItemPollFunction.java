package org.exactsync.flow.payment;

import org.exactsync.crm.ScheduleTick;

import io.quarkus.funqy.Funq;

/** Scheduled (EventBridge in the cloud, every few minutes): payment status of booked invoices back to the CRM. */
public class OpenItemPollFunction {

    private final OpenItemPoll poll;

    public OpenItemPollFunction(OpenItemPoll poll) {
        this.poll = poll;
    }

    @Funq("open-item-poll")
    public PollReport poll(ScheduleTick tick) {
        return poll.pollAll();
    }
}
