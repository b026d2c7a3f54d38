package org.exactsync.store.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.exactsync.time.Sleeper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the connector table with its indexes when it is missing, for local runs and tests. In AWS the table comes
 * from template.yaml (with TTL, point-in-time recovery and encryption, which dynalite cannot do); this class only
 * checks that such a table has the indexes the adapters query.
 */
public final class TableBootstrap {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_POLLS = 300;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Sleeper sleeper;

    public TableBootstrap(DynamoDbClient dynamo, String table, Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = table;
        this.sleeper = sleeper;
    }

    /**
     * Makes sure the table exists, is ACTIVE and has all its indexes; safe to call any number of times, also from
     * several processes at once.
     *
     * @return true when this call created the table
     * @throws IllegalStateException when an existing table lacks an index (an old template: see docs/dynamodb.md)
     */
    public boolean ensureTable() throws InterruptedException {
        boolean created = false;
        if (describe() == null) {
            try {
                dynamo.createTable(createRequest());
                created = true;
            } catch (ResourceInUseException createdMeanwhile) {
                // Another process created it between our describe and create: that is the state we want.
            }
        }
        TableDescription description = awaitActive();
        Set<String> indexes = description.hasGlobalSecondaryIndexes()
                ? description.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet())
                : Set.of();
        for (String index : List.of(TableLayout.GSI1, TableLayout.GSI2, TableLayout.GSI3)) {
            if (!indexes.contains(index)) {
                throw new IllegalStateException("table " + table + " has no index " + index
                        + "; create it as described in docs/dynamodb.md");
            }
        }
        return created;
    }

    /** The CreateTable request matching the layout in docs/dynamodb.md. */
    public CreateTableRequest createRequest() {
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(TableLayout.PK), stringAttribute(TableLayout.SK),
                        stringAttribute(TableLayout.GSI1_PK), stringAttribute(TableLayout.GSI1_SK),
                        stringAttribute(TableLayout.GSI2_PK), stringAttribute(TableLayout.GSI2_SK),
                        stringAttribute(TableLayout.GSI3_PK), stringAttribute(TableLayout.GSI3_SK))
                .keySchema(hash(TableLayout.PK), range(TableLayout.SK))
                .globalSecondaryIndexes(
                        index(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.GSI1_SK),
                        index(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.GSI2_SK),
                        index(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.GSI3_SK))
                .build();
    }

    private TableDescription awaitActive() throws InterruptedException {
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            TableDescription description = describe();
            if (description != null && description.tableStatus() == TableStatus.ACTIVE && indexesActive(description)) {
                return description;
            }
            sleeper.sleep(POLL);
        }
        throw new IllegalStateException("table " + table + " did not become ACTIVE");
    }

    private static boolean indexesActive(TableDescription description) {
        return !description.hasGlobalSecondaryIndexes() || description.globalSecondaryIndexes().stream()
                .allMatch(index -> index.indexStatus() == null
                        || "ACTIVE".equals(index.indexStatusAsString()));
    }

    private TableDescription describe() {
        try {
            return dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        } catch (ResourceNotFoundException missing) {
            return null;
        }
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        // ALL projection: index readers (replay, reverse lookup) need the whole item, and a second GetItem per row
        // would cost more than the extra index storage.
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(pk), range(sk))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
