package org.exactsync.store.dynamodb;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The two single-item calls the stores share: a consistent read by key, and a put that only creates. */
final class OneItem {

    private OneItem() {
    }

    /**
     * The item under {@code key}, read consistently (a decision taken on it must see the latest write, not a
     * replica's); empty when there is none.
     */
    static Optional<Map<String, AttributeValue>> read(DynamoDbClient dynamo, String table,
            Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Writes {@code item} only where no item has its key yet.
     *
     * @throws ConditionalCheckFailedException when an item with that key exists; it is left as it was
     */
    static void create(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        dynamo.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build());
    }
}
