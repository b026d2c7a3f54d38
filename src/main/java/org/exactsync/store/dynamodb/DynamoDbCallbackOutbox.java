package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.NewCallback;
import org.exactsync.store.QueuedCallback;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Callback queues, one partition per (tenant, CRM entity): {@code T#tenant#CB#entityKey}, items {@code CB#<seq>}
 * ordered by a per-queue counter item {@code CBSEQ}. Enqueueing is two single-item writes (counter step, then a
 * put-if-absent of the item); a crash between them only leaves a gap in the numbers, which ordering tolerates.
 * Undelivered items carry {@code gsi2} keys ({@code CB#DUE#S<shard>} / next attempt time) so the dispatcher finds
 * what is due across tenants without a scan; delivery deletes the item.
 */
@ApplicationScoped
public class DynamoDbCallbackOutbox implements CallbackOutbox {

    private static final String TENANT = "tenant";
    private static final String ENTITY_KEY = "entityKey";
    private static final String SEQUENCE = "sequence";
    private static final String CALLBACK_ID = "callbackId";
    private static final String TYPE = "type";
    private static final String PAYLOAD = "payload";
    private static final String ATTEMPTS = "attempts";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    private static final String LAST_ERROR = "lastError";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String CREATED_AT = "createdAt";
    private static final String VERSION = "version";
    private static final String NEXT = "next";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbCallbackOutbox(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public QueuedCallback enqueue(NewCallback callback) {
        String queue = Keys.callbackQueue(callback.tenant(), callback.entityKey());
        long sequence = Long.parseLong(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(Items.key(queue, Keys.CALLBACK_SEQUENCE_SK))
                .updateExpression("ADD #next :one SET #kind = :kind")
                .expressionAttributeNames(Map.of("#next", NEXT, "#kind", "kind"))
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":kind", Items.s("CALLBACK_SEQUENCE")))
                .returnValues(ReturnValue.UPDATED_NEW)
                .build()).attributes().get(NEXT).n());

        Map<String, AttributeValue> item = new HashMap<>(Items.key(queue, Keys.callbackSk(sequence)));
        item.put("kind", Items.s("CALLBACK"));
        item.put(TENANT, Items.s(callback.tenant()));
        item.put(ENTITY_KEY, Items.s(callback.entityKey()));
        item.put(SEQUENCE, Items.n(sequence));
        item.put(CALLBACK_ID, Items.s(callback.callbackId()));
        item.put(TYPE, Items.s(callback.type()));
        item.put(PAYLOAD, Items.s(callback.payload()));
        item.put(ATTEMPTS, Items.n(0));
        item.put(NEXT_ATTEMPT_AT, Items.millis(callback.createdAt()));
        item.put(CREATED_AT, Items.millis(callback.createdAt()));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(callback.expiresAt()));
        item.put(VERSION, Items.n(1));
        item.put(TableLayout.GSI2_PK, Items.s(dueKey(callback.tenant(), callback.entityKey())));
        item.put(TableLayout.GSI2_SK, Items.s(dueSort(callback.createdAt(), queue, sequence)));
        // The counter never hands out a number twice, so the condition only guards against a bug, never a race.
        OneItem.create(dynamo, table, item);
        return toCallback(item);
    }

    @Override
    public Optional<QueuedCallback> head(String tenant, String entityKey) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :items)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", Items.s(Keys.callbackQueue(tenant, entityKey)),
                        ":items", Items.s(Keys.callbackSk(0).substring(0, 3))))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(1)
                .build()).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(toCallback(items.get(0)));
    }

    @Override
    public Optional<QueuedCallback> lease(QueuedCallback callback, String owner, Instant leaseUntil) {
        Update update = new Update()
                .set(LEASE_OWNER, Items.s(owner))
                .set(LEASE_UNTIL, Items.millis(leaseUntil))
                .set(NEXT_ATTEMPT_AT, Items.millis(leaseUntil))
                .set(TableLayout.GSI2_SK, Items.s(dueSort(leaseUntil, callback)))
                .increment(VERSION)
                .condition("#version = :expected AND (attribute_not_exists(#leaseUntil) OR #leaseUntil <= :now)",
                        VERSION, LEASE_UNTIL)
                .bind(":expected", Items.n(callback.version()))
                .bind(":now", Items.millis(clock.instant()));
        return conditional(callback, update);
    }

    @Override
    public boolean delivered(QueuedCallback leased, String owner) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(key(leased))
                    .conditionExpression("#leaseOwner = :owner AND #version = :version")
                    .expressionAttributeNames(Map.of("#leaseOwner", LEASE_OWNER, "#version", VERSION))
                    .expressionAttributeValues(Map.of(":owner", Items.s(owner), ":version", Items.n(leased.version())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException leaseLost) {
            return false;
        }
    }

    @Override
    public Optional<QueuedCallback> retryLater(QueuedCallback leased, String owner, Instant nextAttemptAt,
            String lastError) {
        Update update = new Update()
                .increment(ATTEMPTS)
                .set(NEXT_ATTEMPT_AT, Items.millis(nextAttemptAt))
                .set(TableLayout.GSI2_SK, Items.s(dueSort(nextAttemptAt, leased)))
                .setOrRemove(LAST_ERROR, lastError == null ? null : Items.s(lastError))
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .increment(VERSION)
                .condition("#version = :leasedVersion AND #leaseOwner = :owner", VERSION, LEASE_OWNER)
                .bind(":leasedVersion", Items.n(leased.version()))
                .bind(":owner", Items.s(owner));
        return conditional(leased, update);
    }

    @Override
    public List<QueuedCallback> due(Instant now, int limit) {
        // Sort keys start with the zero-padded next attempt time, so "due" is "sorts before now + 1 ms".
        String bound = Keys.age(now.toEpochMilli() + 1, "");
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.BACKLOG_SHARDS; shard++) {
            candidates.addAll(dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(TableLayout.GSI2)
                    .keyConditionExpression("#pk = :pk AND #sk < :bound")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.GSI2_PK, "#sk", TableLayout.GSI2_SK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.callbacksDue(shard)),
                            ":bound", Items.s(bound)))
                    .scanIndexForward(true)
                    .limit(limit)
                    .build()).items());
        }
        candidates.sort(Comparator.comparing(item -> Items.str(item, TableLayout.GSI2_SK)));
        return candidates.stream().limit(limit).map(DynamoDbCallbackOutbox::toCallback).toList();
    }

    private Optional<QueuedCallback> conditional(QueuedCallback callback, Update update) {
        try {
            return Optional.of(toCallback(dynamo.updateItem(update.request(table, key(callback))).attributes()));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    private static String dueKey(String tenant, String entityKey) {
        return Keys.callbacksDue(Keys.callbackShard(tenant, entityKey));
    }

    private static String dueSort(Instant at, QueuedCallback callback) {
        return dueSort(at, Keys.callbackQueue(callback.tenant(), callback.entityKey()), callback.sequence());
    }

    private static String dueSort(Instant at, String queue, long sequence) {
        return Keys.age(at.toEpochMilli(), queue + "#" + Keys.callbackSk(sequence));
    }

    private static Map<String, AttributeValue> key(QueuedCallback callback) {
        return Items.key(Keys.callbackQueue(callback.tenant(), callback.entityKey()),
                Keys.callbackSk(callback.sequence()));
    }

    private static QueuedCallback toCallback(Map<String, AttributeValue> item) {
        return new QueuedCallback(
                Items.str(item, TENANT),
                Items.str(item, ENTITY_KEY),
                Items.num(item, SEQUENCE, 0),
                Items.str(item, CALLBACK_ID),
                Items.str(item, TYPE),
                Items.str(item, PAYLOAD),
                (int) Items.num(item, ATTEMPTS, 0),
                Items.instant(item, NEXT_ATTEMPT_AT),
                Items.str(item, LAST_ERROR),
                Items.str(item, LEASE_OWNER),
                Items.instant(item, LEASE_UNTIL),
                Items.instant(item, CREATED_AT),
                Items.num(item, VERSION, 0));
    }
}
