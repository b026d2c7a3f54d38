package org.exactsync.store.dynamodb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the DynamoDB adapters ({@code connector.dynamodb.*}). */
@ConfigMapping(prefix = "connector.dynamodb")
public interface DynamoDbConfig {

    /**
     * Name of the connector's single table (layout: docs/dynamodb.md); in AWS it comes from template.yaml. Default
     * {@value TableLayout#DEFAULT_TABLE_NAME}. Adapters receive it as their {@link TableName} string.
     */
    @WithDefault(TableLayout.DEFAULT_TABLE_NAME)
    String table();
}
