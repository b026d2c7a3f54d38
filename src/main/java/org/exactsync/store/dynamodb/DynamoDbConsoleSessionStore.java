package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.ConsoleSession;
import org.exactsync.store.ConsoleSessionStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Console sessions: {@code T#<tenant>} / {@code CONSOLE#<sha-256 of the cookie value>} with the CSRF token and
 * {@code expiresAt} (epoch seconds, TTL). An expired item still present (TTL deletes late, dynalite never) is no
 * session.
 */
@ApplicationScoped
public class DynamoDbConsoleSessionStore implements ConsoleSessionStore {

    private static final String CSRF = "csrf";
    private static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConsoleSessionStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(ConsoleSession session) {
        Map<String, AttributeValue> item = new HashMap<>(key(session.tenant(), session.digest()));
        item.put("kind", Items.s("CONSOLE_SESSION"));
        item.put("tenant", Items.s(session.tenant()));
        item.put(CSRF, Items.s(session.csrf()));
        item.put(CREATED_AT, Items.millis(session.createdAt()));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(session.expiresAt()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build());
    }

    @Override
    public Optional<ConsoleSession> find(String tenant, String digest, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(tenant, digest)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = Items.instantFromSeconds(item, TableLayout.EXPIRES_AT);
        if (!expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleSession(tenant, digest, Items.str(item, CSRF), Items.instant(item, CREATED_AT),
                expiresAt));
    }

    @Override
    public void delete(String tenant, String digest) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(tenant, digest)).build());
    }

    private static Map<String, AttributeValue> key(String tenant, String digest) {
        return Items.key(Keys.tenant(tenant), Keys.consoleSessionSk(digest));
    }
}
