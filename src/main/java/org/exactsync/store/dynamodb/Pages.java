package org.exactsync.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a query page after page. DynamoDB ends a page at its size limit or at the request's {@code Limit} (applied
 * before any filter), so one page can come back short or empty while more items follow.
 */
final class Pages {

    private Pages() {
    }

    /**
     * The query's items in its order, page after page, until the query ends or at least {@code enough} are read (the
     * last page is kept whole, so the answer can hold more).
     */
    static List<Map<String, AttributeValue>> read(DynamoDbClient dynamo, QueryRequest query, int enough) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(startKey == null ? query
                    : query.toBuilder().exclusiveStartKey(startKey).build());
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && items.size() < enough);
        return items;
    }

    /** All the query's items, in its order. */
    static List<Map<String, AttributeValue>> readAll(DynamoDbClient dynamo, QueryRequest query) {
        return read(dynamo, query, Integer.MAX_VALUE);
    }
}
