package org.exactsync.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalDynamoDbTest {

    private static final Path PROJECT = Path.of("");

    private static DynamoDbClient clientFor(LocalDynamoDb local) {
        return DynamoDbClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(builder -> builder.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    }

    @Test
    void answersTheDynamoDbProtocolOnALoopbackPortAndStopsOnClose() {
        LocalDynamoDb local = LocalDynamoDb.start(PROJECT);
        try (DynamoDbClient client = clientFor(local)) {
            assertThat(local.endpoint().toString()).startsWith("http://127.0.0.1:");
            createTable(client, "probe");
            assertThat(client.listTables().tableNames()).containsExactly("probe");
        } finally {
            local.close();
        }
        assertThat(local.isRunning()).isFalse();
    }

    @Test
    void keepsDataInAGivenDirectoryAcrossRestarts(@TempDir Path data) {
        try (LocalDynamoDb first = LocalDynamoDb.start(PROJECT, data); DynamoDbClient client = clientFor(first)) {
            createTable(client, "kept");
        }
        try (LocalDynamoDb second = LocalDynamoDb.start(PROJECT, data); DynamoDbClient client = clientFor(second)) {
            assertThat(client.listTables().tableNames()).containsExactly("kept");
        }
    }

    @Test
    void tellsToRunNpmCiWhenDynaliteIsNotInstalled(@TempDir Path elsewhere) throws Exception {
        Files.createDirectories(elsewhere.resolve("node_modules"));

        assertThatThrownBy(() -> LocalDynamoDb.start(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run npm ci");
    }
}
