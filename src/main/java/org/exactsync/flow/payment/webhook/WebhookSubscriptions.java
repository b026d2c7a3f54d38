package org.exactsync.flow.payment.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.WebhookSubscription;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.store.ConnectionRecord;
import org.jboss.logging.Logger;

/**
 * Keeps the connector's webhook subscriptions in every connected division ({@code webhooks/WebhookSubscriptions},
 * docs/exact-reference.md §6.1): one per {@link WebhookTopics#SUBSCRIBED} topic, pointing at the configured callback URL.
 * Called at once when a tenant goes live or consents again ({@link GoLiveSubscriber}); the schedule only repairs.
 * Idempotent: a division that has them costs one GET. Exact does not allow updating a subscription, so one of ours
 * whose URL changed is deleted and posted again. An app only sees its own subscriptions, so nothing of another app is
 * touched.
 */
@ApplicationScoped
public class WebhookSubscriptions implements GoLiveSubscriber {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class);

    private final ExactOnline exact;
    private final OpenItemPoll poll;
    private final Optional<String> callbackUrl;

    @Inject
    public WebhookSubscriptions(ExactOnline exact, OpenItemPoll poll, ExactWebhookConfig config) {
        this(exact, poll, config.callbackUrl());
    }

    /** For tests and tools: an explicit callback URL (none: no subscriptions). */
    public WebhookSubscriptions(ExactOnline exact, OpenItemPoll poll, Optional<String> callbackUrl) {
        this.exact = exact;
        this.poll = poll;
        this.callbackUrl = WebhookCallbackUrl.of(callbackUrl);
    }

    /** Every live connection's divisions; nothing without a configured callback URL. */
    public SubscriptionReport ensureAll() {
        return ensure(poll.polled());
    }

    @Override
    public void subscribeNow(String tenant) {
        try {
            SubscriptionReport report = ensure(poll.polled(tenant));
            LOG.infof("tenant %s live: webhook subscriptions ensured in %d divisions (%d created)", tenant,
                    report.divisions(), report.created());
        } catch (RuntimeException failed) {
            // Going live must not fail for this: the scheduled round subscribes what is missing.
            LOG.warnf("tenant %s live: webhook subscriptions left to the scheduled round (%s)", tenant,
                    failed.getClass().getSimpleName());
        }
    }

    private SubscriptionReport ensure(List<ConnectionRecord> live) {
        if (callbackUrl.isEmpty()) {
            return new SubscriptionReport(0, 0, 0, List.of());
        }
        int divisions = 0;
        int created = 0;
        int removed = 0;
        List<String> failed = new ArrayList<>();
        for (ConnectionRecord connection : live) {
            for (int division : connection.divisions()) {
                try {
                    Ensured done = ensure(new ExactTarget(connection.tokenKey(), division), callbackUrl.get());
                    divisions++;
                    created += done.created();
                    removed += done.removed();
                } catch (ExactException passing) {
                    failed.add(connection.tenant() + "/" + division);
                    LOG.warnf("webhook subscriptions of tenant %s division %d not ensured (%s)", connection.tenant(),
                            division, passing.getClass().getSimpleName());
                }
            }
        }
        return new SubscriptionReport(divisions, created, removed, failed);
    }

    /**
     * Ensures one division's subscriptions point at {@code url}.
     *
     * @throws IllegalArgumentException before any Exact call when {@code url} is not https
     */
    public Ensured ensure(ExactTarget target, String url) {
        WebhookCallbackUrl.require(url);
        Set<String> present = new HashSet<>();
        int removed = 0;
        for (WebhookSubscription existing : exact.webhookSubscriptions(target)) {
            String topic = existing.topic();
            if (!WebhookTopics.SUBSCRIBED.contains(topic)) {
                continue;
            }
            if (url.equals(existing.callbackUrl()) && present.add(topic)) {
                continue;
            }
            // Ours, but for an old URL (or a second copy): it would deliver twice or to the wrong place.
            exact.deleteWebhookSubscription(target, existing.id());
            removed++;
        }
        int created = 0;
        for (String topic : WebhookTopics.SUBSCRIBED) {
            if (!present.contains(topic)) {
                exact.subscribeWebhook(target, topic, url);
                created++;
            }
        }
        return new Ensured(created, removed);
    }

    /** What ensuring one division did: subscriptions posted and subscriptions of ours deleted. */
    public record Ensured(int created, int removed) {
    }
}
