package org.exactsync.flow.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exactsync.crm.callback.Callbacks;

/** Keeps every callback the payment flow sends, in order. */
final class RecordingCallbacks implements Callbacks {

    record Sent(String tenant, String entityKey, String type, Object data) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String tenant, String entityKey, String type, Object data) {
        sent.add(new Sent(tenant, entityKey, type, data));
    }

    List<PaymentStatusChanged> statusChanges() {
        return sent.stream().filter(s -> s.type().equals(PaymentStatusChanged.TYPE))
                .map(s -> (PaymentStatusChanged) s.data()).toList();
    }

    List<InvoiceChangedInExact> entryChanges() {
        return sent.stream().filter(s -> s.type().equals(InvoiceChangedInExact.TYPE))
                .map(s -> (InvoiceChangedInExact) s.data()).toList();
    }

    List<Sent> all() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }
}
