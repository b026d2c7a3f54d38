package org.exactsync.flow.payment.webhook;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one round of ensuring webhook subscriptions did.
 *
 * @param divisions divisions looked at
 * @param created   subscriptions POSTed
 * @param removed   subscriptions of ours pointing at another callback URL, deleted
 * @param failed    {@code tenant/division} pairs that could not be handled (retried next round)
 */
@RegisterForReflection
public record SubscriptionReport(int divisions, int created, int removed, List<String> failed) {

    public SubscriptionReport {
        failed = List.copyOf(failed);
    }
}
