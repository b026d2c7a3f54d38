package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Connections: one item per tenant ({@code T#tenant} / {@code CONN}), replaced whole by a conditional PutItem. All
 * connections also sit in one {@code gsi1} partition so schedulers can list tenants without a table scan; a connector
 * serves hundreds to thousands of tenants, well within one partition.
 */
@ApplicationScoped
public class DynamoDbConnectionStore implements ConnectionStore {

    private static final String TENANT = "tenant";
    private static final String SITE = "site";
    private static final String EXACT_USER = "exactUser";
    private static final String CLIENT_ID = "clientId";
    private static final String DIVISIONS = "divisions";
    private static final String DEFAULT_DIVISIONS = "defaultDivisions";
    private static final String STATUS = "status";
    private static final String MODE = "mode";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbConnectionStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<ConnectionRecord> find(String tenant) {
        return OneItem.read(dynamo, table, key(tenant)).map(DynamoDbConnectionStore::toRecord);
    }

    @Override
    public Optional<ConnectionRecord> save(ConnectionRecord record) {
        Instant now = clock.instant();
        Instant createdAt = record.version() == 0 || record.createdAt() == null ? now : record.createdAt();
        Map<String, AttributeValue> item = new HashMap<>(key(record.tenant()));
        item.put("kind", Items.s("CONNECTION"));
        item.put(TENANT, Items.s(record.tenant()));
        item.put(SITE, Items.s(record.site()));
        item.put(EXACT_USER, Items.s(record.exactUser()));
        item.put(CLIENT_ID, Items.s(record.clientId()));
        item.put(DIVISIONS, Items.ints(record.divisions()));
        item.put(DEFAULT_DIVISIONS, Items.ints(record.defaultDivisions()));
        item.put(STATUS, Items.s(record.status().name()));
        item.put(MODE, Items.s(record.mode().name()));
        item.put(CREATED_AT, Items.millis(createdAt));
        item.put(UPDATED_AT, Items.millis(now));
        item.put(VERSION, Items.n(record.version() + 1));
        item.put(TableLayout.GSI1_PK, Items.s(Keys.ALL_CONNECTIONS));
        item.put(TableLayout.GSI1_SK, Items.s(Keys.tenant(record.tenant())));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (record.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK));
        } else {
            put.conditionExpression("#version = :expectedVersion")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expectedVersion", Items.n(record.version())));
        }
        try {
            dynamo.putItem(put.build());
            return Optional.of(toRecord(item));
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
    }

    @Override
    public List<ConnectionRecord> findAll() {
        return Pages.readAll(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName(TableLayout.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.ALL_CONNECTIONS)))
                .build()).stream().map(DynamoDbConnectionStore::toRecord).toList();
    }

    private static Map<String, AttributeValue> key(String tenant) {
        return Items.key(Keys.tenant(tenant), Keys.CONNECTION_SK);
    }

    private static ConnectionRecord toRecord(Map<String, AttributeValue> item) {
        return new ConnectionRecord(
                Items.str(item, TENANT),
                Items.str(item, SITE),
                Items.str(item, EXACT_USER),
                Items.str(item, CLIENT_ID),
                Items.intList(item, DIVISIONS),
                Items.intList(item, DEFAULT_DIVISIONS),
                ConnectionStatus.valueOf(Items.str(item, STATUS)),
                SyncMode.valueOf(Items.str(item, MODE)),
                Items.instant(item, CREATED_AT),
                Items.instant(item, UPDATED_AT),
                Items.num(item, VERSION, 0));
    }
}
