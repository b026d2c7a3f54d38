package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.DivisionWatch;
import org.exactsync.store.DivisionWatchStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The division's watch item under the tenant's division partition ({@code PAYWATCH}), changed by single UpdateItems:
 * {@code if_not_exists} for a mark, a condition on the seen mark for a claim.
 */
@ApplicationScoped
public class DynamoDbDivisionWatchStore implements DivisionWatchStore {

    private static final String CHANGED_AT = "changedAt";
    private static final String CHECKED_AT = "checkedAt";
    private static final String SWEPT_AT = "sweptAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDivisionWatchStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<DivisionWatch> find(String tenant, int division) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key(tenant, division)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DivisionWatch(tenant, division, Items.instant(item, CHANGED_AT),
                Items.instant(item, CHECKED_AT), Items.instant(item, SWEPT_AT)));
    }

    @Override
    public void markChanged(String tenant, int division, Instant at) {
        dynamo.updateItem(new Update()
                .set("kind", Items.s("PAYMENT_WATCH"))
                .setIfAbsent(CHANGED_AT, Items.millis(at))
                .request(table, key(tenant, division)));
    }

    @Override
    public boolean claimRead(String tenant, int division, Instant seenChangedAt, Instant now, boolean sweep) {
        Update update = new Update()
                .set("kind", Items.s("PAYMENT_WATCH"))
                .set(CHECKED_AT, Items.millis(now))
                .remove(CHANGED_AT);
        if (sweep) {
            update.set(SWEPT_AT, Items.millis(now));
        }
        if (seenChangedAt == null) {
            update.condition("attribute_not_exists(#" + CHANGED_AT + ")", CHANGED_AT);
        } else {
            update.condition("#" + CHANGED_AT + " = :seen", CHANGED_AT).bind(":seen", Items.millis(seenChangedAt));
        }
        try {
            dynamo.updateItem(update.request(table, key(tenant, division)));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String tenant, int division) {
        return Items.key(Keys.division(tenant, division), "PAYWATCH");
    }
}
