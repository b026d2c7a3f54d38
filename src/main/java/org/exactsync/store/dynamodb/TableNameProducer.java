package org.exactsync.store.dynamodb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** CDI wiring: the configured table name, for every adapter's {@link TableName} parameter. */
@ApplicationScoped
public class TableNameProducer {

    @Produces
    @TableName
    String tableName(DynamoDbConfig config) {
        return config.table();
    }
}
