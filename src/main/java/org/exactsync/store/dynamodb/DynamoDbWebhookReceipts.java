package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.WebhookReceipts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhook receipts, one item per (division, notification digest) under {@code XWH#D#<division>}, claimed by one
 * conditional PutItem and forgotten by TTL. Like the call budget, not tenant-scoped: Exact sends one notification per
 * division and app, whichever tenants share that division.
 */
@ApplicationScoped
public class DynamoDbWebhookReceipts implements WebhookReceipts {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbWebhookReceipts(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean firstDelivery(int division, String digest, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Items.key("XWH#D#" + division,
                "N#" + Keys.part(digest)));
        item.put("kind", Items.s("WEBHOOK_RECEIPT"));
        item.put("division", Items.n(division));
        item.put("receivedAt", Items.millis(now));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt));
        return FirstUse.put(dynamo, table, item, now);
    }
}
