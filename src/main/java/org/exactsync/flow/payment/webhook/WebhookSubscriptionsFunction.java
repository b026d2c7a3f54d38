package org.exactsync.flow.payment.webhook;

import org.exactsync.crm.ScheduleTick;

import io.quarkus.funqy.Funq;

/** Scheduled (daily) and after a new connection: ensures every connected division's webhook subscriptions. */
public class WebhookSubscriptionsFunction {

    private final WebhookSubscriptions subscriptions;

    public WebhookSubscriptionsFunction(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Funq("exact-webhook-subscriptions")
    public SubscriptionReport ensure(ScheduleTick tick) {
        return subscriptions.ensureAll();
    }
}
