package org.exactsync.store.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.SeenRelation;
import org.exactsync.store.SeenRelationStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Matched CRM relations in their own partition per (tenant, division), {@code T#<tenant>#D#<division>#ONB}, one item
 * {@code R#<crmId>} each; a match and a choice are separate UpdateItems that touch different attributes, so neither
 * erases the other.
 */
@ApplicationScoped
public class DynamoDbSeenRelationStore implements SeenRelationStore {

    private static final String RELATION = "R#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSeenRelationStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String tenant, int division) {
        return Keys.division(tenant, division) + "#ONB";
    }

    @Override
    public void record(SeenRelation relation) {
        Update update = new Update()
                .set("kind", Items.s("SEEN_RELATION"))
                .set("crmId", Items.s(relation.crmId()))
                .set("values", Items.stringMap(relation.values()))
                .set("outcome", Items.s(relation.outcome()))
                .setOrRemove("accountId", relation.accountId() == null ? null : Items.s(relation.accountId()))
                .setOrRemove("rule", relation.rule() == null ? null : Items.s(relation.rule()))
                .set("codes", AttributeValue.fromL(relation.codes().stream().map(Items::s).toList()))
                .set("seenAt", Items.millis(relation.seenAt()));
        dynamo.updateItem(update.request(table, key(relation.tenant(), relation.division(), relation.crmId())));
    }

    @Override
    public void choose(String tenant, int division, String crmId, String choice) {
        Update update = new Update()
                .set("kind", Items.s("SEEN_RELATION"))
                .set("crmId", Items.s(crmId))
                .set("choice", Items.s(choice));
        dynamo.updateItem(update.request(table, key(tenant, division, crmId)));
    }

    @Override
    public Optional<SeenRelation> find(String tenant, int division, String crmId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(tenant, division, crmId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(tenant, division, item));
    }

    @Override
    public Stream<SeenRelation> all(String tenant, int division) {
        return DynamoDbAccountIndexStore.withPrefix(dynamo, table, partition(tenant, division), RELATION)
                .map(item -> read(tenant, division, item));
    }

    private static SeenRelation read(String tenant, int division, Map<String, AttributeValue> item) {
        AttributeValue codes = item.get("codes");
        List<String> codeList = codes == null || !codes.hasL() ? List.of()
                : codes.l().stream().map(AttributeValue::s).toList();
        return new SeenRelation(tenant, division, Items.str(item, "crmId"), Items.strMap(item, "values"),
                Items.str(item, "outcome"), Items.str(item, "accountId"), Items.str(item, "rule"), codeList,
                Items.str(item, "choice"), Items.instant(item, "seenAt"));
    }

    private static Map<String, AttributeValue> key(String tenant, int division, String crmId) {
        return Items.key(partition(tenant, division), RELATION + Keys.part(crmId));
    }
}
