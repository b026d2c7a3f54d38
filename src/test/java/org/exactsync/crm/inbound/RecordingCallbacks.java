package org.exactsync.crm.inbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exactsync.crm.callback.Callbacks;

/** Keeps what was sent, in order. */
class RecordingCallbacks implements Callbacks {

    record Sent(String tenant, String entityKey, String type, Object data) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String tenant, String entityKey, String type, Object data) {
        sent.add(new Sent(tenant, entityKey, type, data));
    }
}
