package org.exactsync.testsupport;

import java.util.Map;

import org.exactsync.store.dynamodb.TableLayout;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the test JVM's shared DynamoDB backend (LocalStack with Docker, dynalite without;
 * see {@link DynamoBackend}) and creates the connector table in it. Use with
 * {@code @QuarkusTestResource(DynamoDbTestResource.class)}; init arg {@code table} picks another table name.
 */
public class DynamoDbTestResource implements QuarkusTestResourceLifecycleManager {

    private String table = TableLayout.DEFAULT_TABLE_NAME;

    @Override
    public void init(Map<String, String> initArgs) {
        table = initArgs.getOrDefault("table", TableLayout.DEFAULT_TABLE_NAME);
    }

    @Override
    public Map<String, String> start() {
        TestDynamo dynamo = TestDynamo.shared();
        dynamo.bootstrap(table);
        DynamoBackend backend = dynamo.backend();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", backend.endpoint().toString(),
                "quarkus.dynamodb.aws.region", backend.region(),
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", backend.accessKey(),
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", backend.secretKey(),
                TableLayout.TABLE_NAME_KEY, table);
    }

    @Override
    public void stop() {
        // The backend is shared by every test of the JVM and stops with it.
    }
}
