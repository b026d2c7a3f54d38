package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.exact.port.TokenStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * Token chains in DynamoDB: one item per (tenant, site, Exact user) under the tenant's partition. Each method is one
 * UpdateItem; the version condition is what keeps two Lambdas from both spending the same single-use refresh token
 * ("Old refresh token used" would end the chain until a person consents again, docs/exact-reference.md §2.5).
 */
@ApplicationScoped
public class DynamoDbTokenStore implements TokenStore {

    private static final String TENANT = "tenant";
    private static final String SITE = "site";
    private static final String EXACT_USER = "exactUser";
    private static final String ACCESS_TOKEN = "accessToken";
    private static final String ACCESS_EXPIRES_AT = "accessExpiresAt";
    private static final String REFRESH_TOKEN = "refreshToken";
    private static final String REFRESHED_AT = "refreshedAt";
    private static final String STATUS = "status";
    private static final String STATUS_REASON = "statusReason";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTokenStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<TokenRecord> find(TokenKey key) {
        // Consistent read: a worker deciding whether to refresh must see the latest version, not a replica's.
        return OneItem.read(dynamo, table, key(key)).map(item -> toRecord(key, item));
    }

    @Override
    public TokenRecord saveConsented(TokenKey key, String accessToken, Instant accessExpiresAt, String refreshToken,
            Instant now) {
        // A new consent starts a new chain whatever state the old one was in, so this write has no condition; the
        // version still moves on so that any worker holding the old chain loses its next conditional write.
        Update update = new Update()
                .set("kind", Items.s("TOKEN"))
                .set(TENANT, Items.s(key.tenant()))
                .set(SITE, Items.s(key.site()))
                .set(EXACT_USER, Items.s(key.exactUser()))
                .set(ACCESS_TOKEN, Items.s(accessToken))
                .set(ACCESS_EXPIRES_AT, Items.millis(accessExpiresAt))
                .set(REFRESH_TOKEN, Items.s(refreshToken))
                .set(REFRESHED_AT, Items.millis(now))
                .set(STATUS, Items.s(ConnectionStatus.ACTIVE.name()))
                .remove(STATUS_REASON)
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .incrementFromZero(VERSION);
        return toRecord(key, dynamo.updateItem(update.request(table, key(key))).attributes());
    }

    @Override
    public Optional<TokenRecord> tryLease(TokenKey key, long expectedVersion, String owner, Instant leaseUntil,
            Instant now) {
        Update update = new Update()
                .set(LEASE_OWNER, Items.s(owner))
                .set(LEASE_UNTIL, Items.millis(leaseUntil))
                .increment(VERSION)
                .condition("#version = :expectedVersion AND (attribute_not_exists(#leaseUntil) OR #leaseUntil <= :now)",
                        VERSION, LEASE_UNTIL)
                .bind(":expectedVersion", Items.n(expectedVersion))
                .bind(":now", Items.millis(now));
        return conditional(key, update);
    }

    @Override
    public Optional<TokenRecord> saveRefreshed(TokenKey key, long leasedVersion, String owner, String accessToken,
            Instant accessExpiresAt, String refreshToken, Instant now) {
        // Deliberately not conditional on the lease being unexpired: if nobody took over, the version is unchanged
        // and the pair just obtained is the only valid one, so refusing it would break the chain. If somebody took
        // over, the version moved and this write is refused.
        Update update = new Update()
                .set(ACCESS_TOKEN, Items.s(accessToken))
                .set(ACCESS_EXPIRES_AT, Items.millis(accessExpiresAt))
                .set(REFRESH_TOKEN, Items.s(refreshToken))
                .set(REFRESHED_AT, Items.millis(now));
        return conditional(key, endLease(update, leasedVersion, owner));
    }

    @Override
    public boolean releaseLease(TokenKey key, long leasedVersion, String owner) {
        return conditional(key, endLease(new Update(), leasedVersion, owner)).isPresent();
    }

    /** {@code update}, ending the lease: only its holder may, and only while nobody took the chain over. */
    private static Update endLease(Update update, long leasedVersion, String owner) {
        return update
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .increment(VERSION)
                .condition("#version = :leasedVersion AND #leaseOwner = :owner", VERSION, LEASE_OWNER)
                .bind(":leasedVersion", Items.n(leasedVersion))
                .bind(":owner", Items.s(owner));
    }

    @Override
    public boolean markNeedsConsent(TokenKey key, long expectedVersion, String reason) {
        Update update = new Update()
                .set(STATUS, Items.s(ConnectionStatus.NEEDS_CONSENT.name()))
                .setOrRemove(STATUS_REASON, reason == null ? null : Items.s(reason))
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .increment(VERSION)
                .condition("#version = :expectedVersion", VERSION)
                .bind(":expectedVersion", Items.n(expectedVersion));
        return conditional(key, update).isPresent();
    }

    @Override
    public void delete(TokenKey key) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(key)).build());
    }

    private Optional<TokenRecord> conditional(TokenKey key, Update update) {
        try {
            return Optional.of(toRecord(key, dynamo.updateItem(update.request(table, key(key))).attributes()));
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(TokenKey key) {
        return Items.key(Keys.tenant(key.tenant()), Keys.tokenSk(key));
    }

    private static TokenRecord toRecord(TokenKey key, Map<String, AttributeValue> item) {
        return new TokenRecord(
                key,
                Items.str(item, ACCESS_TOKEN),
                Items.instant(item, ACCESS_EXPIRES_AT),
                Items.str(item, REFRESH_TOKEN),
                Items.instant(item, REFRESHED_AT),
                ConnectionStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, STATUS_REASON),
                Items.str(item, LEASE_OWNER),
                Items.instant(item, LEASE_UNTIL),
                Items.num(item, VERSION, 0));
    }
}
