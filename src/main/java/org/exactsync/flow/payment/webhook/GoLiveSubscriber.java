package org.exactsync.flow.payment.webhook;

/**
 * What the connection's go-live path calls so that Exact's webhooks work from the first payment on: going live and a
 * re-consent of a live tenant subscribe its divisions at once; the scheduled round only repairs. Never throws: a
 * failure is logged and left to that round.
 */
public interface GoLiveSubscriber {

    /** Does nothing: for tools and tests without webhooks. */
    GoLiveSubscriber NONE = tenant -> { };

    /** Ensures the webhook subscriptions of the tenant's divisions if its connection is live and active. */
    void subscribeNow(String tenant);
}
