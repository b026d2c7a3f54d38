package org.exactsync.store.dynamodb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.store.EntityKind;
import org.exactsync.store.EventStatus;
import org.exactsync.store.TenantData;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Erasure and tenant removal on the table. A tenant's items live in partitions {@code T#<tenant>} and
 * {@code T#<tenant>#…} (docs/dynamodb.md); no index lists them all, so both operations page through a {@code Scan}
 * filtered on the key prefix. That reads the whole table, which is acceptable for a rare operator action and keeps
 * every write path free of an extra index. Each change is then a single-item write.
 */
@ApplicationScoped
public class DynamoDbTenantData implements TenantData {

    private static final Set<String> IN_FLIGHT = Set.of(EventStatus.ACCEPTED.name(), EventStatus.IN_PROGRESS.name(),
            EventStatus.WAITING.name());

    private final DynamoDbClient dynamo;
    private final String table;
    private final ObjectMapper json;

    public DynamoDbTenantData(DynamoDbClient dynamo, @TableName String table, ObjectMapper json) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
    }

    @Override
    public Erasure eraseRelation(String tenant, String relationId) {
        List<Map<String, AttributeValue>> mappings = new ArrayList<>();
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        List<Map<String, AttributeValue>> callbacks = new ArrayList<>();
        List<Map<String, AttributeValue>> onboarding = new ArrayList<>();
        List<String> inFlight = new ArrayList<>();
        String queue = Keys.callbackQueue(tenant, "relation:" + relationId);
        for (Map<String, AttributeValue> item : itemsOf(tenant)) {
            String kind = Items.str(item, "kind");
            if ("MAPPING".equals(kind) && mapsRelation(item, relationId)) {
                mappings.add(item);
            } else if ("EVENT".equals(kind) && concernsRelation(item, relationId)) {
                events.add(item);
                if (IN_FLIGHT.contains(Items.str(item, "status"))) {
                    inFlight.add(Items.str(item, "eventId"));
                }
            } else if ("CALLBACK".equals(kind) && queue.equals(Items.str(item, TableLayout.PK))) {
                callbacks.add(item);
            } else if ("SEEN_RELATION".equals(kind) && relationId.equals(Items.str(item, "crmId"))) {
                onboarding.add(item);
            }
        }
        if (!inFlight.isEmpty()) {
            // A worker holding one of these events would write the values back after the erasure.
            return new Erasure(inFlight, 0, 0, 0, 0);
        }
        mappings.forEach(item -> update(item, "REMOVE sentValues, sentHash", Map.of()));
        events.forEach(item -> update(item, "SET #body = :body REMOVE #result",
                Map.of(":body", Items.s(redactedBody(item, relationId)))));
        callbacks.forEach(this::delete);
        onboarding.forEach(this::delete);
        return new Erasure(List.of(), mappings.size(), events.size(), callbacks.size(), onboarding.size());
    }

    @Override
    public int removeTenant(String tenant) {
        List<Map<String, AttributeValue>> items = itemsOf(tenant);
        items.forEach(this::delete);
        return items.size();
    }

    /** Every item whose partition key is the tenant's own or starts with it (escaped, so no other tenant matches). */
    private List<Map<String, AttributeValue>> itemsOf(String tenant) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table)
                    .filterExpression("#pk = :own OR begins_with(#pk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .expressionAttributeValues(Map.of(":own", Items.s(Keys.tenant(tenant)),
                            ":prefix", Items.s(Keys.tenantPrefix(tenant))))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** The relation's own mapping (every division) and those of its contacts ({@code <relationId>/<contactId>}). */
    private static boolean mapsRelation(Map<String, AttributeValue> item, String relationId) {
        String kind = Items.str(item, "entityKind");
        String crmId = Items.str(item, "crmId");
        return crmId != null && (EntityKind.RELATION.name().equals(kind) && crmId.equals(relationId)
                || EntityKind.CONTACT.name().equals(kind) && crmId.startsWith(relationId + "/"));
    }

    /** A relation event about it, or an invoice or project event naming it as {@code relationId}. */
    private boolean concernsRelation(Map<String, AttributeValue> item, String relationId) {
        JsonNode data = data(item);
        String type = Items.str(item, "type");
        return type != null && type.startsWith("relation.") && relationId.equals(data.path("id").asText(null))
                || relationId.equals(data.path("relationId").asText(null));
    }

    /** Ids only: a replay of the event then fails validation instead of sending erased values again. */
    private String redactedBody(Map<String, AttributeValue> item, String relationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        String entityId = data(item).path("id").asText(null);
        if (entityId != null) {
            data.put("id", entityId);
        }
        data.put("relationId", relationId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", Items.str(item, "eventId"));
        body.put("type", Items.str(item, "type"));
        body.put("erased", true);
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private JsonNode data(Map<String, AttributeValue> item) {
        String body = Items.str(item, "body");
        if (body == null) {
            return json.missingNode();
        }
        try {
            return json.readTree(body).path("data");
        } catch (IOException unreadable) {
            return json.missingNode();
        }
    }

    private void update(Map<String, AttributeValue> item, String expression, Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(keyOf(item))
                .updateExpression(expression)
                // Only if the item is still there: an erasure must not resurrect a deleted item as a stub.
                .conditionExpression("attribute_exists(#pk)");
        Map<String, String> names = new LinkedHashMap<>(Map.of("#pk", TableLayout.PK));
        if (expression.contains("#body")) {
            names.put("#body", "body");
            names.put("#result", "result");
        }
        request.expressionAttributeNames(names);
        if (!values.isEmpty()) {
            request.expressionAttributeValues(values);
        }
        try {
            dynamo.updateItem(request.build());
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            // Deleted meanwhile (TTL, a delivered callback): nothing left to erase.
        }
    }

    private void delete(Map<String, AttributeValue> item) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(keyOf(item)).build());
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK, item.get(TableLayout.SK));
    }
}
