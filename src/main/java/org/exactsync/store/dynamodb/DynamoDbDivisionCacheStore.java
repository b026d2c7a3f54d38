package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.DivisionCacheStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Cached copies as items in the tenant's division partition with a TTL. Expiry is also checked on read: DynamoDB's TTL
 * deletes late (up to days) and dynalite never does.
 */
@ApplicationScoped
public class DynamoDbDivisionCacheStore implements DivisionCacheStore {

    private static final String PAYLOAD = "payload";
    private static final String LOADED_AT = "loadedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbDivisionCacheStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<CachedCopy> find(String tenant, int division, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(tenant, division, name)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = Items.instantFromSeconds(item, TableLayout.EXPIRES_AT);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CachedCopy(Items.str(item, PAYLOAD), Items.instant(item, LOADED_AT)));
    }

    @Override
    public void put(String tenant, int division, String name, CachedCopy copy, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, division, name));
        item.put("kind", Items.s("CACHE"));
        item.put("tenant", Items.s(tenant));
        item.put("division", Items.n(division));
        item.put(PAYLOAD, Items.s(copy.payload()));
        item.put(LOADED_AT, Items.millis(copy.loadedAt()));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public void evict(String tenant, int division, String name) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(tenant, division, name)).build());
    }

    private static Map<String, AttributeValue> key(String tenant, int division, String name) {
        return Items.key(Keys.division(tenant, division), Keys.cacheSk(name));
    }
}
