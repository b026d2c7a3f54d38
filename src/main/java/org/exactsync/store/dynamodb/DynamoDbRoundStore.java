package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.RoundStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Round leases ({@code ROUND#<schedule>} / {@code ROUND}: round id, pending items, cap) and work-item claims (in the
 * division's or tenant's partition, {@code ROUND#<schedule>}: the last round that claimed it).
 */
@ApplicationScoped
public class DynamoDbRoundStore implements RoundStore {

    private static final String ROUND = "round";
    private static final String PENDING = "pending";
    private static final String CAP = "capUntil";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbRoundStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean begin(String schedule, String round, int items, Instant cap) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("kind", Items.s("ROUND"))
                .set(ROUND, Items.s(round))
                .set(PENDING, Items.n(items))
                .set(CAP, Items.millis(cap))
                .set("startedAt", Items.millis(now))
                .condition("attribute_not_exists(#round) OR #pending <= :zero OR #capUntil <= :now", ROUND, PENDING,
                        CAP)
                .bind(":zero", Items.n(0))
                .bind(":now", Items.millis(now));
        return conditional(update, Items.key(Keys.round(schedule), Keys.ROUND_SK));
    }

    @Override
    public boolean claimItem(String schedule, String round, String tenant, Integer division) {
        String pk = division == null ? Keys.tenant(tenant) : Keys.division(tenant, division);
        Update update = new Update()
                .set("kind", Items.s("ROUND_ITEM"))
                .set(ROUND, Items.s(round))
                .set("claimedAt", Items.millis(clock.instant()))
                .condition("attribute_not_exists(#round) OR #round <> :round", ROUND)
                .bind(":round", Items.s(round));
        return conditional(update, Items.key(pk, Keys.roundItemSk(schedule)));
    }

    @Override
    public void finishItem(String schedule, String round) {
        Update update = new Update()
                .add(PENDING, Items.n(-1))
                .condition("#round = :round", ROUND)
                .bind(":round", Items.s(round));
        conditional(update, Items.key(Keys.round(schedule), Keys.ROUND_SK));
    }

    private boolean conditional(Update update, Map<String, AttributeValue> key) {
        try {
            dynamo.updateItem(update.request(table, key));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }
}
