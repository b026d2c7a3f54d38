package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.port.BudgetKey;
import org.exactsync.exact.port.CallBudgetStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Call budget counters: one item per (client id, division, window), each call one conditional atomic ADD. This is the
 * only key not scoped by tenant: Exact counts calls per app × division whichever tenant makes them
 * (docs/exact-reference.md §3.1, §7.2), so two tenants sharing a division must share the count or they both overspend it.
 */
@ApplicationScoped
public class DynamoDbCallBudgetStore implements CallBudgetStore {

    private static final String USED = "used";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCallBudgetStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryTake(BudgetKey key, String window, int limit, Instant expiresAt) {
        // ADD creates the counter at 1 on the window's first call; the condition makes take-and-check one atomic step,
        // so any number of concurrent Lambdas together never exceed the limit.
        Update update = new Update()
                .add(USED, Items.n(1))
                .set(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt))
                .condition("attribute_not_exists(#used) OR #used < :limit", USED)
                .bind(":limit", Items.n(limit));
        try {
            dynamo.updateItem(update.request(table, key(key, window)));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }

    @Override
    public void raiseTo(BudgetKey key, String window, int used, Instant expiresAt) {
        // Exact's headers may report calls we did not count (another app instance, a retry we lost track of); they
        // can only add to our count, never undo calls we already made, hence "only when higher".
        Update update = new Update()
                .set(USED, Items.n(used))
                .set(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt))
                .condition("attribute_not_exists(#used) OR #used < :used", USED);
        try {
            dynamo.updateItem(update.request(table, key(key, window)));
        } catch (ConditionalCheckFailedException alreadyHigher) {
            // The stored count is already at least as high: nothing to do.
        }
    }

    @Override
    public int used(BudgetKey key, String window) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key(key, window)).consistentRead(true).build()).item();
        return item == null ? 0 : (int) Items.num(item, USED, 0);
    }

    private static Map<String, AttributeValue> key(BudgetKey key, String window) {
        return Items.key(Keys.budget(key), Keys.budgetWindow(window));
    }
}
