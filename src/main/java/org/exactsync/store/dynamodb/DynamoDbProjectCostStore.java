package org.exactsync.store.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.CostLine;
import org.exactsync.store.ProjectCostStore;
import org.exactsync.store.ProjectCosts;
import org.exactsync.store.ProjectCostsKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Project purchases under the tenant's division partition ({@code sk = COSTS#<projectId>}), one item per project
 * with its lines as a list. Each save is one conditional PutItem on the version (docs/dynamodb.md).
 */
@ApplicationScoped
public class DynamoDbProjectCostStore implements ProjectCostStore {

    static final String SK_PREFIX = "COSTS#";
    private static final String PROJECT_ID = "projectId";
    private static final String COST_CENTER = "costCenterCode";
    private static final String LINES = "lines";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbProjectCostStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<ProjectCosts> find(ProjectCostsKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key(key)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(key.tenant(), key.division(),
                item));
    }

    @Override
    public List<ProjectCosts> findAll(String tenant, int division) {
        return Pages.readAll(dynamo, QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.division(tenant, division)),
                        ":prefix", Items.s(SK_PREFIX)))
                .build()).stream().map(item -> toRecord(tenant, division, item)).toList();
    }

    @Override
    public Optional<ProjectCosts> save(ProjectCosts costs) {
        Instant now = clock.instant();
        long next = costs.version() + 1;
        Map<String, AttributeValue> item = new HashMap<>(key(costs.key()));
        item.put("kind", Items.s("PROJECT_COSTS"));
        item.put("tenant", Items.s(costs.key().tenant()));
        item.put("division", Items.n(costs.key().division()));
        item.put(PROJECT_ID, Items.s(costs.key().projectId()));
        if (costs.costCenterCode() != null) {
            item.put(COST_CENTER, Items.s(costs.costCenterCode()));
        }
        item.put(LINES, AttributeValue.fromL(costs.lines().stream().map(DynamoDbProjectCostStore::line).toList()));
        item.put(UPDATED_AT, Items.millis(now));
        item.put(VERSION, Items.n(next));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (costs.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK));
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", Items.n(costs.version())));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
        return Optional.of(new ProjectCosts(costs.key(), costs.costCenterCode(), costs.lines(), now, next));
    }

    private static AttributeValue line(CostLine line) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("lineId", Items.s(line.lineId()));
        putIfPresent(m, "entryId", line.entryId());
        if (line.entryNumber() != null) {
            m.put("entryNumber", Items.n(line.entryNumber()));
        }
        putIfPresent(m, "date", line.date() == null ? null : line.date().toString());
        putIfPresent(m, "supplier", line.supplier());
        putIfPresent(m, "supplierCode", line.supplierCode());
        putIfPresent(m, "glAccount", line.glAccount());
        // A string, not a number: DynamoDB normalises numbers ("80.00" comes back "80"), and a changed scale would
        // make an unchanged line look changed (and send the CRM a needless callback).
        m.put("amount", Items.s(line.amount().toPlainString()));
        putIfPresent(m, "description", line.description());
        return AttributeValue.fromM(m);
    }

    private static CostLine line(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        String date = Items.str(m, "date");
        AttributeValue entryNumber = m.get("entryNumber");
        return new CostLine(Items.str(m, "lineId"), Items.str(m, "entryId"),
                entryNumber == null ? null : Integer.valueOf(entryNumber.n()), date == null ? null
                        : LocalDate.parse(date), Items.str(m, "supplier"), Items.str(m, "supplierCode"),
                Items.str(m, "glAccount"), new BigDecimal(Items.str(m, "amount")), Items.str(m, "description"));
    }

    private static ProjectCosts toRecord(String tenant, int division, Map<String, AttributeValue> item) {
        List<CostLine> lines = new ArrayList<>();
        AttributeValue list = item.get(LINES);
        if (list != null && list.hasL()) {
            list.l().forEach(v -> lines.add(line(v)));
        }
        return new ProjectCosts(new ProjectCostsKey(tenant, division, Items.str(item, PROJECT_ID)),
                Items.str(item, COST_CENTER), lines, Items.instant(item, UPDATED_AT), Items.num(item, VERSION, 0));
    }

    private static void putIfPresent(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, Items.s(value));
        }
    }

    private static Map<String, AttributeValue> key(ProjectCostsKey key) {
        return Items.key(Keys.division(key.tenant(), key.division()), SK_PREFIX + Keys.part(key.projectId()));
    }
}
