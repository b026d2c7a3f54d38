package org.exactsync.crm.callback;

import io.quarkus.funqy.Funq;

import org.exactsync.crm.ScheduleTick;

/** Scheduled (EventBridge in the cloud): delivers every callback whose retry is due. */
public class CallbackDispatchFunction {

    private final CallbackDispatcher dispatcher;

    public CallbackDispatchFunction(CallbackDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Funq("callback-dispatch")
    public DispatchReport dispatch(ScheduleTick tick) {
        return dispatcher.dispatchDue();
    }
}
