package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingPage;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.exactsync.store.WriteState;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Id mappings under the tenant's division partition ({@code T#tenant#D#division}, sort key
 * {@code MAP#KIND#crmId}). The reverse lookup by Exact GUID is the overloaded index {@code gsi1}, written in the same
 * item so it needs no second write (dynalite has no transactions, and one write is cheaper on DynamoDB anyway).
 */
@ApplicationScoped
public class DynamoDbMappingStore implements MappingStore {

    private static final String TENANT = "tenant";
    private static final String DIVISION = "division";
    private static final String ENTITY_KIND = "entityKind";
    private static final String CRM_ID = "crmId";
    private static final String EXACT_ID = "exactId";
    private static final String EXACT_CODE = "exactCode";
    private static final String SENT_HASH = "sentHash";
    private static final String SENT_VALUES = "sentValues";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";
    // The write protocol's state (WriteState) and the members, each an attribute of its own beside sentValues.
    private static final String CLAIMED_BY = "claimedBy";
    private static final String CLAIMED_UNTIL = "claimedUntil";
    private static final String APPLIED_AT = "appliedAt";
    private static final String UNSETTLED = "unsettled";
    private static final String MEMBER_IDS = "memberIds";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbMappingStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<MappingRecord> find(MappingKey key) {
        return OneItem.read(dynamo, table, key(key)).map(DynamoDbMappingStore::toRecord);
    }

    @Override
    public Optional<MappingRecord> findByExactId(String tenant, int division, EntityKind kind, String exactId) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(TableLayout.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk",
                        Items.s(Keys.mappingByExactId(tenant, division, kind, exactId))))
                .limit(1)
                .build()).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(toRecord(items.get(0)));
    }

    @Override
    public List<MappingRecord> findAll(String tenant, int division, EntityKind kind) {
        return Pages.readAll(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", Items.s(Keys.division(tenant, division)),
                        // The trailing separator keeps RELATION from also matching a kind named RELATIONX.
                        ":prefix", Items.s(Keys.mappingKindPrefix(kind))))
                .build()).stream().map(DynamoDbMappingStore::toRecord).toList();
    }

    @Override
    public MappingPage page(String tenant, int division, EntityKind kind, String after, int limit) {
        String pk = Keys.division(tenant, division);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":prefix",
                        Items.s(Keys.mappingKindPrefix(kind))))
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Items.key(pk, Keys.mappingSk(kind, after)));
        }
        QueryResponse page = dynamo.query(query.build());
        List<MappingRecord> records = page.items().stream().map(DynamoDbMappingStore::toRecord).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !records.isEmpty();
        return new MappingPage(records, more ? records.get(records.size() - 1).key().crmId() : null);
    }

    @Override
    public Creation createIfAbsent(MappingKey key, MappingChange initial) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put("kind", Items.s("MAPPING"));
        item.put(TENANT, Items.s(key.tenant()));
        item.put(DIVISION, Items.n(key.division()));
        item.put(ENTITY_KIND, Items.s(key.kind().name()));
        item.put(CRM_ID, Items.s(key.crmId()));
        putIfPresent(item, EXACT_ID, initial.exactId());
        putIfPresent(item, EXACT_CODE, initial.exactCode());
        putIfPresent(item, SENT_HASH, initial.sentHash());
        if (!initial.sentValues().isEmpty()) {
            item.put(SENT_VALUES, Items.stringMap(initial.sentValues()));
        }
        putIfPresent(item, CLAIMED_BY, initial.write().holder());
        if (initial.write().leaseUntil() != null) {
            item.put(CLAIMED_UNTIL, Items.millis(initial.write().leaseUntil()));
        }
        if (initial.write().appliedAt() != null) {
            item.put(APPLIED_AT, Items.millis(initial.write().appliedAt()));
        }
        if (!initial.write().unsettled().isEmpty()) {
            item.put(UNSETTLED, Items.strings(initial.write().unsettled()));
        }
        if (!initial.memberIds().isEmpty()) {
            item.put(MEMBER_IDS, Items.strings(initial.memberIds()));
        }
        if (initial.exactId() != null) {
            item.put(TableLayout.GSI1_PK, Items.s(reverseKey(key, initial.exactId())));
            item.put(TableLayout.GSI1_SK, Items.s(Keys.mappingSk(key)));
        }
        item.put(UPDATED_AT, Items.millis(clock.instant()));
        item.put(VERSION, Items.n(1));
        try {
            OneItem.create(dynamo, table, item);
            return new Creation(toRecord(item), true);
        } catch (ConditionalCheckFailedException exists) {
            // Mappings are never deleted, so the winner's item is there; read it rather than rely on
            // ReturnValuesOnConditionCheckFailure, which dynalite ignores.
            return new Creation(find(key).orElseThrow(() -> new IllegalStateException(
                    "mapping exists but cannot be read: " + key)), false);
        }
    }

    @Override
    public Optional<MappingRecord> compareAndSwap(MappingKey key, long expectedVersion, MappingChange change) {
        Update update = new Update()
                .setOrRemove(EXACT_ID, change.exactId() == null ? null : Items.s(change.exactId()))
                .setOrRemove(EXACT_CODE, change.exactCode() == null ? null : Items.s(change.exactCode()))
                .setOrRemove(SENT_HASH, change.sentHash() == null ? null : Items.s(change.sentHash()))
                .setOrRemove(SENT_VALUES, change.sentValues().isEmpty() ? null : Items.stringMap(change.sentValues()))
                .setOrRemove(CLAIMED_BY, change.write().holder() == null ? null : Items.s(change.write().holder()))
                .setOrRemove(CLAIMED_UNTIL,
                        change.write().leaseUntil() == null ? null : Items.millis(change.write().leaseUntil()))
                .setOrRemove(APPLIED_AT,
                        change.write().appliedAt() == null ? null : Items.millis(change.write().appliedAt()))
                .setOrRemove(UNSETTLED,
                        change.write().unsettled().isEmpty() ? null : Items.strings(change.write().unsettled()))
                .setOrRemove(MEMBER_IDS, change.memberIds().isEmpty() ? null : Items.strings(change.memberIds()))
                .setOrRemove(TableLayout.GSI1_PK,
                        change.exactId() == null ? null : Items.s(reverseKey(key, change.exactId())))
                .setOrRemove(TableLayout.GSI1_SK, change.exactId() == null ? null : Items.s(Keys.mappingSk(key)))
                .set(UPDATED_AT, Items.millis(clock.instant()))
                .increment(VERSION)
                .condition("#version = :expectedVersion", VERSION)
                .bind(":expectedVersion", Items.n(expectedVersion));
        try {
            return Optional.of(toRecord(dynamo.updateItem(update.request(table, key(key))).attributes()));
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
    }

    private static String reverseKey(MappingKey key, String exactId) {
        return Keys.mappingByExactId(key.tenant(), key.division(), key.kind(), exactId);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, Items.s(value));
        }
    }

    private static Map<String, AttributeValue> key(MappingKey key) {
        return Items.key(Keys.division(key.tenant(), key.division()), Keys.mappingSk(key));
    }

    private static MappingRecord toRecord(Map<String, AttributeValue> item) {
        MappingKey key = new MappingKey(
                Items.str(item, TENANT),
                (int) Items.num(item, DIVISION, 0),
                EntityKind.valueOf(Items.str(item, ENTITY_KIND)),
                Items.str(item, CRM_ID));
        return new MappingRecord(
                key,
                Items.str(item, EXACT_ID),
                Items.str(item, EXACT_CODE),
                Items.str(item, SENT_HASH),
                Items.strMap(item, SENT_VALUES),
                Items.instant(item, UPDATED_AT),
                Items.num(item, VERSION, 0),
                new WriteState(Items.str(item, CLAIMED_BY), Items.instant(item, CLAIMED_UNTIL),
                        Items.instant(item, APPLIED_AT), new TreeSet<>(Items.strList(item, UNSETTLED))),
                Items.strList(item, MEMBER_IDS));
    }
}
