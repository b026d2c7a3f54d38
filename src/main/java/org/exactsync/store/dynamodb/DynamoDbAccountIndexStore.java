package org.exactsync.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.AccountIndexStore;
import org.exactsync.store.IndexState;
import org.exactsync.store.IndexedAccount;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The account index in its own partition per (tenant, division), {@code T#<tenant>#D#<division>#IDX} (docs/dynamodb.md):
 * {@code A#<accountId>} holds the account's values, rowversion and match keys; {@code K#<matchKey>#<accountId>} is a
 * look-up entry carrying the same values, so a match reads one Query per rule and nothing else; {@code STATE} says
 * when it was built. Every write is a single PutItem or DeleteItem; the account entry's PutItem is conditional on
 * the rowversion and returns the old entry, whose keys tell which look-ups to delete.
 */
@ApplicationScoped
public class DynamoDbAccountIndexStore implements AccountIndexStore {

    private static final String STATE_SK = "STATE";
    private static final String ACCOUNT = "A#";
    private static final String LOOKUP = "K#";
    private static final String VALUES = "values";
    private static final String KEYS = "matchKeys";
    private static final String TIMESTAMP = "timestamp";
    private static final String ID = "accountId";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAccountIndexStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String tenant, int division) {
        return Keys.division(tenant, division) + "#IDX";
    }

    @Override
    public Optional<IndexState> state(String tenant, int division) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Items.key(partition(tenant, division), STATE_SK)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IndexState(tenant, division, Items.instant(item, "builtAt"),
                Items.instant(item, "refreshedAt"), Items.num(item, "accounts", 0)));
    }

    @Override
    public void saveState(IndexState state) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(partition(state.tenant(), state.division()),
                STATE_SK));
        item.put("kind", Items.s("INDEX_STATE"));
        item.put("builtAt", Items.millis(state.builtAt()));
        item.put("refreshedAt", Items.millis(state.refreshedAt()));
        item.put("accounts", Items.n(state.accounts()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public Write put(String tenant, int division, IndexedAccount account, Set<String> matchKeys) {
        String pk = partition(tenant, division);
        Map<String, AttributeValue> item = new HashMap<>(Items.key(pk, ACCOUNT + Keys.part(account.id())));
        item.put("kind", Items.s("INDEX_ACCOUNT"));
        item.put(ID, Items.s(account.id()));
        item.put(TIMESTAMP, Items.n(account.timestamp()));
        item.put(VALUES, Items.stringMap(account.values()));
        if (!matchKeys.isEmpty()) {
            item.put(KEYS, AttributeValue.fromSs(new ArrayList<>(matchKeys)));
        }
        PutItemResponse old;
        try {
            old = dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#ts) OR #ts <= :ts")
                    .expressionAttributeNames(Map.of("#ts", TIMESTAMP))
                    .expressionAttributeValues(Map.of(":ts", Items.n(account.timestamp())))
                    .returnValues(ReturnValue.ALL_OLD).build());
        } catch (ConditionalCheckFailedException newer) {
            return Write.OLDER;
        }
        Set<String> stale = keysOf(old.attributes());
        stale.removeAll(matchKeys);
        for (String key : stale) {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(Items.key(pk, lookupSk(key, account.id()))).build());
        }
        for (String key : matchKeys) {
            Map<String, AttributeValue> lookup = new HashMap<>(Items.key(pk, lookupSk(key, account.id())));
            lookup.put("kind", Items.s("INDEX_LOOKUP"));
            lookup.put(ID, Items.s(account.id()));
            lookup.put(TIMESTAMP, Items.n(account.timestamp()));
            lookup.put(VALUES, Items.stringMap(account.values()));
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(lookup).build());
        }
        return old.hasAttributes() && !old.attributes().isEmpty() ? Write.REPLACED : Write.ADDED;
    }

    @Override
    public boolean remove(String tenant, int division, String accountId) {
        String pk = partition(tenant, division);
        Map<String, AttributeValue> old = dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                .key(Items.key(pk, ACCOUNT + Keys.part(accountId))).returnValues(ReturnValue.ALL_OLD).build())
                .attributes();
        for (String key : keysOf(old)) {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(Items.key(pk, lookupSk(key, accountId))).build());
        }
        return old != null && !old.isEmpty();
    }

    @Override
    public List<IndexedAccount> byKey(String tenant, int division, String matchKey) {
        return query(partition(tenant, division), LOOKUP + Keys.part(matchKey) + "#").toList();
    }

    @Override
    public Stream<IndexedAccount> all(String tenant, int division) {
        return query(partition(tenant, division), ACCOUNT);
    }

    @Override
    public void clear(String tenant, int division) {
        String pk = partition(tenant, division);
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableLayout.PK,
                        "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk))).projectionExpression("#pk, #sk")
                .consistentRead(true).build()).items()
                .forEach(key -> dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key).build()));
    }

    private Stream<IndexedAccount> query(String pk, String prefix) {
        return withPrefix(dynamo, table, pk, prefix).map(item -> new IndexedAccount(Items.str(item, ID),
                Items.num(item, TIMESTAMP, 0), Items.strMap(item, VALUES)));
    }

    /** The partition's items whose sort key starts with {@code prefix}, strongly consistent, page by page. */
    static Stream<Map<String, AttributeValue>> withPrefix(DynamoDbClient dynamo, String table, String pk,
            String prefix) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":prefix", Items.s(prefix)))
                .consistentRead(true).build()).items().stream();
    }

    private static String lookupSk(String matchKey, String accountId) {
        return LOOKUP + Keys.part(matchKey) + "#" + Keys.part(accountId);
    }

    private static Set<String> keysOf(Map<String, AttributeValue> item) {
        Set<String> keys = new HashSet<>();
        if (item != null && item.get(KEYS) != null && item.get(KEYS).hasSs()) {
            keys.addAll(item.get(KEYS).ss());
        }
        return keys;
    }
}
