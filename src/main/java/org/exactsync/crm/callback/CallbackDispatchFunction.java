package org.exactsync.crm.callback;

import io.quarkus.funqy.Funq;

/** Scheduled (EventBridge in the cloud): delivers every callback whose retry is due. */
public class CallbackDispatchFunction {

    private final CallbackDispatcher dispatcher;

    public CallbackDispatchFunction(CallbackDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Funq("callback-dispatch")
    public DispatchReport dispatch(CallbackTick tick) {
        return dispatcher.dispatchDue();
    }
}
