package org.exactsync.store.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.store.AuditEntry;
import org.exactsync.store.AuditTrail;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The audit trail: partition {@code T#<tenant>#AUDIT}, sort key {@code <at ms, 15 digits>#<random>} so entries
 * order by time and two in one millisecond never collide. {@code expiresAt} (TTL) drops an entry after the
 * retention (default 400 days: a year of admin history plus margin for a yearly review).
 */
@ApplicationScoped
public class DynamoDbAuditTrail implements AuditTrail {

    /** Default retention of an audit entry. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    @Inject
    public DynamoDbAuditTrail(DynamoDbClient dynamo,
            @TableName String table) {
        this(dynamo, table, DEFAULT_RETENTION);
    }

    /** For tests and tools. */
    public DynamoDbAuditTrail(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public void record(AuditEntry entry) {
        String sk = Keys.age(entry.at().toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
        Map<String, AttributeValue> item = new HashMap<>(Items.key(Keys.audit(entry.tenant()), sk));
        item.put("kind", Items.s("AUDIT"));
        item.put("tenant", Items.s(entry.tenant()));
        item.put("at", Items.millis(entry.at()));
        item.put("route", Items.s(entry.route()));
        item.put("keyId", Items.s(entry.keyId()));
        item.put("status", Items.n(entry.status()));
        item.put("change", Items.s(entry.change()));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(entry.at().plus(retention)));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build());
    }

    @Override
    public List<AuditEntry> recent(String tenant, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.audit(tenant))))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(true)
                .build()).items().stream()
                .map(item -> new AuditEntry(Items.str(item, "tenant"), Items.instant(item, "at"),
                        Items.str(item, "route"), Items.str(item, "keyId"), (int) Items.num(item, "status", 0),
                        Items.str(item, "change")))
                .toList();
    }
}
