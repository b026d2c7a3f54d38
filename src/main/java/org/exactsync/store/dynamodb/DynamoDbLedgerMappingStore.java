package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.mapping.LedgerMapping;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.LedgerMappingStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The ledger mapping as one item in the tenant's division partition, replaced by one conditional PutItem. */
@ApplicationScoped
public class DynamoDbLedgerMappingStore implements LedgerMappingStore {

    private static final String JOURNAL = "salesJournal";
    private static final String REVENUE = "revenueAccounts";
    private static final String VAT = "vatCodes";
    private static final String DEFAULT_REVENUE = "defaultRevenueAccount";
    private static final String DEFAULT_PAYMENT_CONDITION = "defaultPaymentCondition";
    private static final String VERSION = "version";
    private static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbLedgerMappingStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<LedgerMappingRecord> find(String tenant, int division) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Items.key(Keys.division(tenant, division), Keys.LEDGER_SK)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        LedgerMapping mapping = new LedgerMapping(Items.str(item, JOURNAL), Items.strMap(item, REVENUE),
                Items.strMap(item, VAT), Items.str(item, DEFAULT_REVENUE), Items.str(item, DEFAULT_PAYMENT_CONDITION));
        return Optional.of(new LedgerMappingRecord(tenant, division, mapping, Items.instant(item, UPDATED_AT),
                Items.num(item, VERSION, 0)));
    }

    @Override
    public Optional<LedgerMappingRecord> save(String tenant, int division, LedgerMapping mapping,
            long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(Keys.division(tenant, division), Keys.LEDGER_SK));
        item.put("kind", Items.s("LEDGER"));
        item.put("tenant", Items.s(tenant));
        item.put("division", Items.n(division));
        item.put(JOURNAL, Items.s(mapping.salesJournal()));
        item.put(REVENUE, Items.stringMap(mapping.revenueAccounts()));
        item.put(VAT, Items.stringMap(mapping.vatCodes()));
        if (mapping.defaultRevenueAccount() != null) {
            item.put(DEFAULT_REVENUE, Items.s(mapping.defaultRevenueAccount()));
        }
        if (mapping.defaultPaymentCondition() != null) {
            item.put(DEFAULT_PAYMENT_CONDITION, Items.s(mapping.defaultPaymentCondition()));
        }
        item.put(VERSION, Items.n(expectedVersion + 1));
        item.put(UPDATED_AT, Items.millis(clock.instant()));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableLayout.PK));
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":v", Items.n(expectedVersion)));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
        return find(tenant, division);
    }
}
