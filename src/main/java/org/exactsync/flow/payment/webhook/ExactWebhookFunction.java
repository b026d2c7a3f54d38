package org.exactsync.flow.payment.webhook;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code POST /exact/webhooks} (API Gateway proxy): Exact's webhook notifications. */
public class ExactWebhookFunction {

    private final ExactWebhookHandler handler;

    public ExactWebhookFunction(ExactWebhookHandler handler) {
        this.handler = handler;
    }

    @Funq("exact-webhook")
    public HttpResponseEvent receive(HttpRequestEvent request) {
        return handler.handle(request);
    }
}
