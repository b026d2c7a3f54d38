package org.exactsync.flow.payment.webhook;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Exact's webhooks to the connector ({@code connector.exact-webhook.*}, docs/payment-status.md). */
@ConfigMapping(prefix = "connector.exact-webhook")
public interface ExactWebhookConfig {

    /**
     * Where Exact posts notifications (in AWS the API Gateway URL of {@code exact-webhook}). Absent or blank: no
     * subscriptions are made and payment status comes from the scheduled open-item poll alone.
     */
    Optional<String> callbackUrl();
}
