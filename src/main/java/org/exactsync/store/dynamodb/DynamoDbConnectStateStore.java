package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.ConnectState;
import org.exactsync.store.ConnectStateStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Pending consents: {@code T#<tenant>} / {@code OAUTH#<nonce>}, with {@code expiresAt} (epoch seconds) as TTL. The
 * consume is a {@code DeleteItem} conditional on existence and on {@code expiresAt} still ahead, returning the old
 * item: exactly one caller gets it.
 */
@ApplicationScoped
public class DynamoDbConnectStateStore implements ConnectStateStore {

    private static final String TENANT = "tenant";
    private static final String CREATED_AT = "createdAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String NONCE = "nonce";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConnectStateStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(ConnectState state) {
        Map<String, AttributeValue> item = new HashMap<>(key(state.tenant(), state.nonce()));
        item.put("kind", Items.s("CONNECT_STATE"));
        item.put(TENANT, Items.s(state.tenant()));
        item.put(NONCE, Items.s(state.nonce()));
        item.put(CREATED_AT, Items.millis(state.createdAt()));
        item.put(EXPIRES_AT, Items.epochSeconds(state.expiresAt()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build());
    }

    @Override
    public Optional<ConnectState> consume(String tenant, String nonce, Instant now) {
        DeleteItemResponse deleted;
        try {
            deleted = dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(tenant, nonce))
                    // TTL deletes lazily (up to days later), so an expired item may still be there: refuse it here.
                    .conditionExpression("attribute_exists(#pk) AND #exp > :now")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#exp", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", Items.epochSeconds(now)))
                    .returnValues(ReturnValue.ALL_OLD)
                    .build());
        } catch (ConditionalCheckFailedException absentUsedOrExpired) {
            return Optional.empty();
        }
        Map<String, AttributeValue> old = deleted.attributes();
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectState(Items.str(old, TENANT), Items.str(old, NONCE),
                Items.instant(old, CREATED_AT), Items.instantFromSeconds(old, EXPIRES_AT)));
    }

    private static Map<String, AttributeValue> key(String tenant, String nonce) {
        return Items.key(Keys.tenant(tenant), Keys.connectStateSk(nonce));
    }
}
