package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.testsupport.TestDynamo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The shared single-item calls and the paged query read, against dynalite. */
class OneItemAndPagesTest {

    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void freshTable() {
        TestDynamo test = TestDynamo.shared();
        dynamo = test.client();
        table = test.newTable("one-item-pages");
    }

    @Test
    void readsNothingWhereNoItemIsAndTheItemOnceCreated() {
        assertThat(OneItem.read(dynamo, table, Items.key("P", "S"))).isEmpty();

        OneItem.create(dynamo, table, item("P", "S", "first"));

        assertThat(OneItem.read(dynamo, table, Items.key("P", "S")).map(item -> Items.str(item, "value")))
                .contains("first");
    }

    @Test
    void createRefusesATakenKeyAndLeavesTheItemAsItWas() {
        OneItem.create(dynamo, table, item("P", "S", "first"));

        assertThatThrownBy(() -> OneItem.create(dynamo, table, item("P", "S", "second")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(OneItem.read(dynamo, table, Items.key("P", "S")).map(item -> Items.str(item, "value")))
                .contains("first");
    }

    @Test
    void readsEveryPageInTheQuerysOrder() {
        for (int i = 1; i <= 5; i++) {
            OneItem.create(dynamo, table, item("P", "S" + i, "v" + i));
        }

        List<Map<String, AttributeValue>> all = Pages.readAll(dynamo, query("P", 2));

        assertThat(all).extracting(item -> Items.str(item, "value")).containsExactly("v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void stopsAfterThePageThatReachesEnough() {
        for (int i = 1; i <= 5; i++) {
            OneItem.create(dynamo, table, item("P", "S" + i, "v" + i));
        }

        List<Map<String, AttributeValue>> some = Pages.read(dynamo, query("P", 2), 3);

        assertThat(some).extracting(item -> Items.str(item, "value")).containsExactly("v1", "v2", "v3", "v4");
    }

    private QueryRequest query(String pk, int pageSize) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk)))
                .consistentRead(true)
                .limit(pageSize)
                .build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String value) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(pk, sk));
        item.put("value", Items.s(value));
        return item;
    }
}
