package org.exactsync.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.DiscoveredDivision;
import org.exactsync.store.DiscoveredDivisionStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The divisions found at a tenant's last consent: one item {@code T#<tenant>} / {@code DIVS} holding a list of maps
 * (an accountant sees hundreds of divisions at most, far below the 400 KB item limit).
 */
@ApplicationScoped
public class DynamoDbDiscoveredDivisionStore implements DiscoveredDivisionStore {

    private static final String DIVISIONS = "divisions";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDiscoveredDivisionStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(String tenant, List<DiscoveredDivision> divisions) {
        List<AttributeValue> list = new ArrayList<>();
        for (DiscoveredDivision division : divisions) {
            list.add(AttributeValue.fromM(Map.of("code", Items.n(division.code()),
                    "description", Items.s(division.description() == null ? "" : division.description()),
                    "active", Items.bool(division.active()))));
        }
        Map<String, AttributeValue> item = new HashMap<>(key(tenant));
        item.put("kind", Items.s("DISCOVERED_DIVISIONS"));
        item.put("tenant", Items.s(tenant));
        item.put(DIVISIONS, AttributeValue.fromL(list));
        // Last consent wins: the list is a snapshot of what Exact showed then, never merged.
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public List<DiscoveredDivision> find(String tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(tenant))
                .consistentRead(true).build()).item();
        List<DiscoveredDivision> result = new ArrayList<>();
        if (item == null || !item.containsKey(DIVISIONS)) {
            return result;
        }
        for (AttributeValue element : item.get(DIVISIONS).l()) {
            Map<String, AttributeValue> m = element.m();
            result.add(new DiscoveredDivision(Integer.parseInt(m.get("code").n()), m.get("description").s(),
                    Boolean.TRUE.equals(m.get("active").bool())));
        }
        return result;
    }

    private static Map<String, AttributeValue> key(String tenant) {
        return Items.key(Keys.tenant(tenant), Keys.DISCOVERED_DIVISIONS_SK);
    }
}
