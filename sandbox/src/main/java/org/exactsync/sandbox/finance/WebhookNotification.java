package org.exactsync.sandbox.finance;

import java.time.Instant;

/**
 * The {@code Content} of one webhook call (§6.3): a notification only, the receiver GETs {@code exactOnlineEndpoint}
 * for the data. {@code eventCreatedOn} is rendered as ISO-8601 UTC (its real format is UNCONFIRMED).
 */
public record WebhookNotification(String topic, String clientId, int division, String action, String key,
        String exactOnlineEndpoint, Instant eventCreatedOn) {
}
