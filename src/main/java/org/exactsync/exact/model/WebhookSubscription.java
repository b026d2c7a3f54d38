package org.exactsync.exact.model;

import java.util.UUID;

/** One of the app's webhook subscriptions in a division: Exact posts changes of {@code topic} to {@code callbackUrl}. */
public record WebhookSubscription(UUID id, String callbackUrl, String topic) {
}
