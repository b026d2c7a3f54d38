package org.exactsync.local;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.webhook.WebhookSubscriptions;
import org.exactsync.flow.project.ProjectCostsReader;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * The local run's stand-in for the cloud schedules of {@code callback-dispatch}, {@code event-replay},
 * {@code open-item-poll}, {@code exact-webhook-subscriptions} and {@code project-costs}: in-process, dev mode only
 * (in Lambda an in-process timer fires only while an instance happens to be warm).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevSchedule {

    private final CallbackDispatcher dispatcher;
    private final EventReplayer replayer;
    private final OpenItemPoll poll;
    private final WebhookSubscriptions subscriptions;
    private final ProjectCostsReader projectCosts;

    public DevSchedule(CallbackDispatcher dispatcher, EventReplayer replayer, OpenItemPoll poll,
            WebhookSubscriptions subscriptions, ProjectCostsReader projectCosts) {
        this.dispatcher = dispatcher;
        this.replayer = replayer;
        this.poll = poll;
        this.subscriptions = subscriptions;
        this.projectCosts = projectCosts;
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDueCallbacks() {
        dispatcher.dispatchDue();
    }

    @Scheduled(every = "30s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replayDueEvents() {
        replayer.replayDue();
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

    @Scheduled(every = "60s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readProjectCosts() {
        projectCosts.readAll();
    }
}
