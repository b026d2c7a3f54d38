package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.UploadPart;
import org.exactsync.store.UploadPlan;
import org.exactsync.store.UploadProgress;
import org.exactsync.store.UploadStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Uploads in their own partition {@code T#<tenant>#UP#<uploadId>}: the head ({@code HEAD}: plan, settled-event
 * counters kept with {@code ADD}) and one item per part ({@code P#<00001>}: status, content hash, line counts). The
 * items hold counts and hashes only, never relation data; they expire with the upload's events.
 */
@ApplicationScoped
public class DynamoDbUploadStore implements UploadStore {

    private static final String KIND = "kind";
    private static final String PARTS = "parts";
    private static final String DIVISIONS = "divisions";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String STATUS = "status";
    private static final String HASH = "hash";
    private static final String LINES = "lines";
    private static final String ACCEPTED = "accepted";
    private static final String INVALID = "invalid";
    private static final String SYNCED = "synced";
    private static final String PREVIEWED = "previewed";
    private static final String FAILED = "failed";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUploadStore(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Begun begin(UploadPlan plan, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(head(plan.tenant(), plan.uploadId()));
        item.put(KIND, Items.s("UPLOAD"));
        item.put(PARTS, Items.n(plan.parts()));
        item.put(DIVISIONS, Items.ints(plan.divisions()));
        item.put(OCCURRED_AT, Items.millis(plan.occurredAt()));
        item.put(CREATED_AT, Items.millis(now));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .build());
            return Begun.SAME_PLAN;
        } catch (ConditionalCheckFailedException exists) {
            Map<String, AttributeValue> stored = get(head(plan.tenant(), plan.uploadId()));
            return plan.equals(plan(plan.tenant(), plan.uploadId(), stored)) ? Begun.SAME_PLAN : Begun.OTHER_PLAN;
        }
    }

    @Override
    public Reservation reservePart(String tenant, String uploadId, int part, String hash, int lines, Instant now,
            Instant expiresAt) {
        try {
            dynamo.updateItem(new Update()
                    .set(KIND, Items.s("UPLOAD_PART"))
                    .set(STATUS, Items.s(UploadPart.Status.RECEIVING.name()))
                    .set(HASH, Items.s(hash))
                    .set(LINES, Items.n(lines))
                    .set(UPDATED_AT, Items.millis(now))
                    .set(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt))
                    .remove(INVALID)
                    .condition("attribute_not_exists(#" + TableLayout.PK + ") OR #" + STATUS + " = :refused OR (#"
                            + HASH + " = :hash AND #" + STATUS + " = :receiving)", TableLayout.PK, STATUS, HASH)
                    .bind(":refused", Items.s(UploadPart.Status.REFUSED.name()))
                    .bind(":receiving", Items.s(UploadPart.Status.RECEIVING.name()))
                    .bind(":hash", Items.s(hash))
                    .request(table, partKey(tenant, uploadId, part)));
            return Reservation.RESERVED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> stored = get(partKey(tenant, uploadId, part));
            boolean sameAccepted = hash.equals(Items.str(stored, HASH))
                    && UploadPart.Status.ACCEPTED.name().equals(Items.str(stored, STATUS));
            return sameAccepted ? Reservation.ALREADY_ACCEPTED : Reservation.OTHER_CONTENT;
        }
    }

    @Override
    public void partRefused(String tenant, String uploadId, int part, String hash, int lines, int invalid,
            Instant now, Instant expiresAt) {
        try {
            dynamo.updateItem(new Update()
                    .set(KIND, Items.s("UPLOAD_PART"))
                    .set(STATUS, Items.s(UploadPart.Status.REFUSED.name()))
                    .set(HASH, Items.s(hash))
                    .set(LINES, Items.n(lines))
                    .set(INVALID, Items.n(invalid))
                    .set(UPDATED_AT, Items.millis(now))
                    .set(TableLayout.EXPIRES_AT, Items.epochSeconds(expiresAt))
                    .condition("attribute_not_exists(#" + TableLayout.PK + ") OR #" + STATUS + " = :refused",
                            TableLayout.PK, STATUS)
                    .bind(":refused", Items.s(UploadPart.Status.REFUSED.name()))
                    .request(table, partKey(tenant, uploadId, part)));
        } catch (ConditionalCheckFailedException keptAccepted) {
            // A bad re-send of a part that is queued already changes nothing: its events stand.
        }
    }

    @Override
    public void partAccepted(String tenant, String uploadId, int part, String hash, int accepted, Instant now) {
        dynamo.updateItem(new Update()
                .set(STATUS, Items.s(UploadPart.Status.ACCEPTED.name()))
                .set(ACCEPTED, Items.n(accepted))
                .set(UPDATED_AT, Items.millis(now))
                .condition("#" + HASH + " = :hash", HASH)
                .bind(":hash", Items.s(hash))
                .request(table, partKey(tenant, uploadId, part)));
    }

    @Override
    public void countSettled(String tenant, String uploadId, int synced, int previewed, int failed) {
        try {
            dynamo.updateItem(new Update()
                    .add(SYNCED, Items.n(synced))
                    .add(PREVIEWED, Items.n(previewed))
                    .add(FAILED, Items.n(failed))
                    .condition("attribute_exists(#" + TableLayout.PK + ")", TableLayout.PK)
                    .request(table, head(tenant, uploadId)));
        } catch (ConditionalCheckFailedException unknownUpload) {
            // An event id that only looks like an upload's: there is nothing to count on.
        }
    }

    @Override
    public Optional<UploadProgress> find(String tenant, String uploadId) {
        List<Map<String, AttributeValue>> items = Pages.readAll(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.upload(tenant, uploadId))))
                .consistentRead(true)
                .build());
        Map<String, AttributeValue> headItem = items.stream()
                .filter(item -> Keys.UPLOAD_HEAD_SK.equals(Items.str(item, TableLayout.SK))).findFirst().orElse(null);
        if (headItem == null) {
            return Optional.empty();
        }
        List<UploadPart> parts = items.stream().filter(item -> item != headItem).map(DynamoDbUploadStore::part)
                .toList();
        return Optional.of(new UploadProgress(plan(tenant, uploadId, headItem), Items.instant(headItem, CREATED_AT),
                parts, Items.num(headItem, SYNCED, 0), Items.num(headItem, PREVIEWED, 0),
                Items.num(headItem, FAILED, 0)));
    }

    private static UploadPart part(Map<String, AttributeValue> item) {
        String sk = Items.str(item, TableLayout.SK);
        return new UploadPart(Integer.parseInt(sk.substring(sk.indexOf('#') + 1)),
                UploadPart.Status.valueOf(Items.str(item, STATUS)), Items.str(item, HASH),
                (int) Items.num(item, LINES, 0), (int) Items.num(item, ACCEPTED, 0), (int) Items.num(item, INVALID, 0));
    }

    private static UploadPlan plan(String tenant, String uploadId, Map<String, AttributeValue> head) {
        return new UploadPlan(tenant, uploadId, (int) Items.num(head, PARTS, 0), Items.intList(head, DIVISIONS),
                Items.instant(head, OCCURRED_AT));
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }

    private static Map<String, AttributeValue> head(String tenant, String uploadId) {
        return Items.key(Keys.upload(tenant, uploadId), Keys.UPLOAD_HEAD_SK);
    }

    private static Map<String, AttributeValue> partKey(String tenant, String uploadId, int part) {
        return Items.key(Keys.upload(tenant, uploadId), Keys.uploadPartSk(part));
    }
}
