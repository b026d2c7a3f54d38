package org.exactsync.flow.payment.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.flow.payment.OpenItemPoll;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * The local run's stand-in for the cloud schedules of {@code open-item-poll} and {@code exact-webhook-subscriptions}:
 * in-process, dev mode only (see {@code org.exactsync.crm.inbound.DevSchedule} for why not in Lambda).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class PaymentDevSchedule {

    private final OpenItemPoll poll;
    private final WebhookSubscriptions subscriptions;

    public PaymentDevSchedule(OpenItemPoll poll, WebhookSubscriptions subscriptions) {
        this.poll = poll;
        this.subscriptions = subscriptions;
    }

    /**
     * Every 5 s rather than the cloud's every minute: a step that finds nothing due costs one DynamoDB read per
     * division and no Exact call, and a payment announced by a webhook reaches the CRM within seconds.
     */
    @Scheduled(every = "5s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOpenItems() {
        poll.pollAll();
    }

    /** Repairs only: going live and a re-consent subscribe at once. */
    @Scheduled(every = "10m", delayed = "25s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureWebhookSubscriptions() {
        subscriptions.ensureAll();
    }
}
