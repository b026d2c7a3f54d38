package org.exactsync.store.dynamodb;

/**
 * Names in the connector's single DynamoDB table (docs/dynamodb.md has the full layout). Three overloaded, sparse
 * global secondary indexes: an item appears in an index only while it has that index's key attributes.
 */
public final class TableLayout {

    /** Config key of the table name. */
    public static final String TABLE_NAME_KEY = "connector.dynamodb.table";
    /** Table name used when the config key is not set. */
    public static final String DEFAULT_TABLE_NAME = "exact-connector";

    public static final String PK = "pk";
    public static final String SK = "sk";
    /** TTL attribute, epoch seconds (DynamoDB TTL only understands seconds). */
    public static final String EXPIRES_AT = "expiresAt";

    /** Per-tenant alternative keys: mappings by Exact GUID, a tenant's open events by status, all connections. */
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";

    /** Global backlog: open events by status across tenants, sharded so no single index partition runs hot. */
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    /** Per-lane backlog: a (tenant, division)'s open events in every status, oldest first (the drain's queue). */
    public static final String GSI3 = "gsi3";
    public static final String GSI3_PK = "gsi3pk";
    public static final String GSI3_SK = "gsi3sk";

    /** Shards of the global backlog index; a status query reads all of them and merges. */
    public static final int BACKLOG_SHARDS = 8;

    private TableLayout() {
    }
}
