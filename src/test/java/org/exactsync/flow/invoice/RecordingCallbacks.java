package org.exactsync.flow.invoice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exactsync.crm.callback.Callbacks;

/** Keeps every callback sent, in order; thread-safe for the concurrent tests. */
final class RecordingCallbacks implements Callbacks {

    record Sent(String tenant, String entityKey, String type, Object data) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String tenant, String entityKey, String type, Object data) {
        sent.add(new Sent(tenant, entityKey, type, data));
    }

    List<Sent> ofType(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }
}
