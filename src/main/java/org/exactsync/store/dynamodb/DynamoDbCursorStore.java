package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorRecord;
import org.exactsync.store.CursorStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Sync cursors under the tenant's division partition, advanced by one conditional UpdateItem. */
@ApplicationScoped
public class DynamoDbCursorStore implements CursorStore {

    private static final String POSITION = "position";
    private static final String DETAIL = "detail";
    private static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbCursorStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<CursorRecord> find(CursorKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key(key)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CursorRecord(key, Items.num(item, POSITION, 0), Items.str(item, DETAIL),
                Items.instant(item, UPDATED_AT)));
    }

    @Override
    public boolean advance(CursorKey key, long position, String detail) {
        Update update = new Update()
                .set("kind", Items.s("CURSOR"))
                .set(POSITION, Items.n(position))
                .setOrRemove(DETAIL, detail == null ? null : Items.s(detail))
                .set(UPDATED_AT, Items.millis(clock.instant()))
                .condition("attribute_not_exists(#position) OR #position <= :position", POSITION);
        try {
            dynamo.updateItem(update.request(table, key(key)));
            return true;
        } catch (ConditionalCheckFailedException further) {
            return false;
        }
    }

    @Override
    public void reset(CursorKey key) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(key)).build());
    }

    private static Map<String, AttributeValue> key(CursorKey key) {
        return Items.key(Keys.division(key.tenant(), key.division()), Keys.cursorSk(key));
    }
}
