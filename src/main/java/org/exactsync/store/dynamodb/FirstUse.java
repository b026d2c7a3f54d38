package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * "Seen before?" as one conditional PutItem: the item is written when absent or past its {@code expiresAt}, so two
 * concurrent writers cannot both get true. An expired item counts as absent: dynalite never runs TTL, and real TTL
 * deletes late.
 */
final class FirstUse {

    private FirstUse() {
    }

    /** Writes {@code item} (which carries {@code expiresAt}); true when nothing live was there. */
    static boolean put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item, Instant now) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#exp", TableLayout.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", Items.epochSeconds(now)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException seen) {
            return false;
        }
    }
}
