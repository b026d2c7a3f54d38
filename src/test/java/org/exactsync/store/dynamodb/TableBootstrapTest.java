package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.Sleeper;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableBootstrapTest {

    private final DynamoDbClient dynamo = TestDynamo.shared().client();

    @Test
    void createsTheTableWithItsIndexesOnFirstCallOnly() throws Exception {
        String table = "bootstrap-idempotent-" + ProcessHandle.current().pid();
        TableBootstrap bootstrap = new TableBootstrap(dynamo, table, Sleeper.system());

        assertThat(bootstrap.ensureTable()).isTrue();
        assertThat(bootstrap.ensureTable()).isFalse();
        assertThat(new TableBootstrap(dynamo, table, Sleeper.system()).ensureTable()).isFalse();

        TableDescription description = dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build())
                .table();
        assertThat(description.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(description.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("gsi1", "gsi2", "gsi3");
    }

    @Test
    void refusesATableThatLacksTheIndexes() {
        String table = "bootstrap-no-index-" + ProcessHandle.current().pid();
        dynamo.createTable(CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .build());

        assertThatThrownBy(() -> new TableBootstrap(dynamo, table, Sleeper.system()).ensureTable())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gsi1")
                .hasMessageContaining("docs/dynamodb.md");
    }
}
