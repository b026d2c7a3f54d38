package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The CloudFormation snippet in docs/dynamodb.md describes the table TableBootstrap creates. */
class TableDocumentationTest {

    private static String cloudFormationSnippet() throws Exception {
        String doc = Files.readString(Path.of("docs/dynamodb.md"));
        Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(yaml.find()).as("a yaml block in docs/dynamodb.md").isTrue();
        return yaml.group(1);
    }

    @Test
    void documentsEveryKeyAndIndexTheBootstrapCreates() throws Exception {
        String snippet = cloudFormationSnippet();
        CreateTableRequest created = new TableBootstrap(null, "any", duration -> { }).createRequest();

        for (AttributeDefinition attribute : created.attributeDefinitions()) {
            assertThat(snippet).contains("- AttributeName: " + attribute.attributeName()
                    + "\n          AttributeType: " + attribute.attributeTypeAsString());
        }
        assertThat(snippet.split("AttributeType:", -1)).hasSize(created.attributeDefinitions().size() + 1);
        for (GlobalSecondaryIndex index : created.globalSecondaryIndexes()) {
            StringBuilder expected = new StringBuilder("- IndexName: " + index.indexName() + "\n          KeySchema:");
            for (KeySchemaElement key : index.keySchema()) {
                expected.append("\n            - AttributeName: ").append(key.attributeName())
                        .append("\n              KeyType: ").append(key.keyTypeAsString());
            }
            expected.append("\n          Projection:\n            ProjectionType: ")
                    .append(index.projection().projectionTypeAsString());
            assertThat(snippet).contains(expected);
        }
        assertThat(snippet.split("IndexName:", -1)).hasSize(created.globalSecondaryIndexes().size() + 1);
    }

    @Test
    void documentsTheCloudOnlySettings() throws Exception {
        assertThat(cloudFormationSnippet())
                .contains("BillingMode: PAY_PER_REQUEST")
                .contains("AttributeName: " + TableLayout.EXPIRES_AT + "\n        Enabled: true")
                .contains("PointInTimeRecoveryEnabled: true")
                .contains("SSEEnabled: true");
    }
}
