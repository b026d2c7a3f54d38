package org.exactsync.store.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.BacklogLane;
import org.exactsync.store.ClaimOutcome;
import org.exactsync.store.ClaimResult;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.LaneEvent;
import org.exactsync.store.LanePlacement;
import org.exactsync.store.LanePage;
import org.exactsync.store.NewEvent;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Event records, one partition per event ({@code T#tenant#E#eventId}) so a burst of webhooks spreads over the table.
 * The claim is one conditional PutItem, every transition one conditional UpdateItem. While an event is open it also
 * carries the keys of {@code gsi1} (the tenant's events by status) and {@code gsi2} (all tenants' events by status,
 * in {@link TableLayout#BACKLOG_SHARDS} shards) and, when it has a lane (its first target division), of {@code gsi3}
 * (the lane's events, every open status, oldest first); finishing it removes them, so the indexes hold only the
 * backlog. A lane item per (tenant, division) ({@code DRAIN}) carries the drain lease and, while the lane may have
 * backlog, the {@code gsi2} keys that list it.
 */
@ApplicationScoped
public class DynamoDbEventStore implements EventStore {

    private static final String TENANT = "tenant";
    private static final String EVENT_ID = "eventId";
    private static final String TYPE = "type";
    private static final String BODY_HASH = "bodyHash";
    private static final String BODY = "body";
    private static final String STATUS = "status";
    private static final String REASON = "reason";
    private static final String RETRYABLE = "retryable";
    private static final String RESULT = "result";
    private static final String ATTEMPTS = "attempts";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String ACCEPTED_AT = "acceptedAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String RETRY_AT = "retryAt";
    private static final String VERSION = "version";
    private static final String DIVISIONS = "divisions";
    private static final String DIVISION = "division";
    private static final String ENTITY = "entity";
    private static final String AFTER = "after";
    private static final String TOUCHED_AT = "touchedAt";
    private static final String DRAINED_AT = "drainedAt";
    private static final String SINCE = "since";
    private static final String ENDED_AT = "endedAt";
    private static final String SWEPT_TO = "sweptTo";

    /**
     * How long after the first sweep step a version without lanes may still claim events: an invocation that started
     * before the upgrade runs at most Lambda's longest timeout (15 minutes), and a new version claims every event
     * with its lane.
     */
    static final Duration LANELESS_GRACE = Duration.ofMinutes(15);
    /** How far behind a write an index read may be: a sweep that reached a shard's end goes on from this long ago. */
    static final Duration INDEX_LAG = Duration.ofMinutes(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbEventStore(DynamoDbClient dynamo,
            @TableName String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public ClaimResult claim(NewEvent event) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(event.tenant(), event.eventId()));
        item.put("kind", Items.s("EVENT"));
        item.put(TENANT, Items.s(event.tenant()));
        item.put(EVENT_ID, Items.s(event.eventId()));
        item.put(TYPE, Items.s(event.type()));
        item.put(BODY_HASH, Items.s(event.bodyHash()));
        item.put(BODY, Items.s(event.body()));
        item.put(STATUS, Items.s(EventStatus.ACCEPTED.name()));
        item.put(RETRYABLE, Items.bool(false));
        item.put(ATTEMPTS, Items.n(0));
        item.put(ACCEPTED_AT, Items.millis(now));
        item.put(UPDATED_AT, Items.millis(now));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(event.expiresAt()));
        item.put(VERSION, Items.n(1));
        item.put(TableLayout.GSI1_PK, Items.s(Keys.tenantEventsByStatus(event.tenant(), EventStatus.ACCEPTED)));
        item.put(TableLayout.GSI1_SK, Items.s(tenantAge(now, event.eventId())));
        item.put(TableLayout.GSI2_PK, Items.s(backlogKey(event.tenant(), event.eventId(), EventStatus.ACCEPTED)));
        item.put(TableLayout.GSI2_SK, Items.s(globalAge(now, event.tenant(), event.eventId())));
        item.put(DIVISIONS, Items.ints(event.divisions()));
        if (event.entity() != null) {
            item.put(ENTITY, Items.s(event.entity()));
        }
        if (!event.after().isEmpty()) {
            item.put(AFTER, AttributeValue.fromL(event.after().stream().map(Items::s).toList()));
        }
        if (!event.divisions().isEmpty()) {
            int lane = event.divisions().get(0);
            item.put(TableLayout.GSI3_PK, Items.s(Keys.laneEvents(event.tenant(), lane)));
            item.put(TableLayout.GSI3_SK, Items.s(tenantAge(now, event.eventId())));
            // Before the event exists, so an event in a lane the drain does not list cannot be observed.
            touchLane(event.tenant(), lane, now);
        }
        try {
            // A record past its expiry counts as absent: DynamoDB deletes expired items only eventually (and dynalite
            // never), and the CRM was told a duplicate is only recognised within the retention.
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #expiresAt < :now")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#expiresAt", TableLayout.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", Items.epochSeconds(now)))
                    .build());
            return new ClaimResult(ClaimOutcome.NEW, toRecord(item));
        } catch (ConditionalCheckFailedException seenBefore) {
            // dynalite ignores ReturnValuesOnConditionCheckFailure, so the earlier record is read back instead. Event
            // records are only removed by TTL, long after any redelivery, so it is there.
            EventRecord earlier = find(event.tenant(), event.eventId()).orElseThrow(() -> new IllegalStateException(
                    "event record vanished during claim: " + event.eventId()));
            ClaimOutcome outcome = earlier.bodyHash().equals(event.bodyHash())
                    ? ClaimOutcome.DUPLICATE_SAME_BODY
                    : ClaimOutcome.CONFLICT_DIFFERENT_BODY;
            return new ClaimResult(outcome, earlier);
        }
    }

    @Override
    public Optional<EventRecord> find(String tenant, String eventId) {
        return OneItem.read(dynamo, table, key(tenant, eventId)).map(DynamoDbEventStore::toRecord);
    }

    @Override
    public Optional<EventRecord> startAttempt(String tenant, String eventId, long expectedVersion, String owner,
            Instant leaseUntil) {
        Update update = open(tenant, eventId, EventStatus.IN_PROGRESS)
                .set(LEASE_OWNER, Items.s(owner))
                .set(LEASE_UNTIL, Items.millis(leaseUntil))
                .increment(ATTEMPTS)
                .condition("#version = :expectedVersion AND #status <> :done"
                        + " AND (#status <> :inProgress OR #leaseUntil <= :now)", VERSION, STATUS, LEASE_UNTIL)
                .bind(":expectedVersion", Items.n(expectedVersion))
                .bind(":done", Items.s(EventStatus.DONE.name()))
                .bind(":inProgress", Items.s(EventStatus.IN_PROGRESS.name()))
                .bind(":now", Items.millis(clock.instant()));
        return conditional(tenant, eventId, update);
    }

    @Override
    public Optional<EventRecord> complete(String tenant, String eventId, long leasedVersion, String owner,
            String resultJson) {
        Update update = leased(new Update().increment(VERSION), leasedVersion, owner)
                .set(STATUS, Items.s(EventStatus.DONE.name()))
                .setOrRemove(RESULT, resultJson == null ? null : Items.s(resultJson))
                .set(RETRYABLE, Items.bool(false))
                .set(UPDATED_AT, Items.millis(clock.instant()))
                .remove(REASON)
                .remove(RETRY_AT)
                .remove(TableLayout.GSI1_PK)
                .remove(TableLayout.GSI1_SK)
                .remove(TableLayout.GSI2_PK)
                .remove(TableLayout.GSI2_SK)
                .remove(TableLayout.GSI3_PK)
                .remove(TableLayout.GSI3_SK);
        return conditional(tenant, eventId, update);
    }

    @Override
    public Optional<EventRecord> markWaiting(String tenant, String eventId, long leasedVersion, String owner,
            String reason, Instant retryAt) {
        Update update = leased(open(tenant, eventId, EventStatus.WAITING), leasedVersion, owner)
                .setOrRemove(REASON, reason == null ? null : Items.s(reason))
                .setOrRemove(RETRY_AT, retryAt == null ? null : Items.millis(retryAt))
                .set(RETRYABLE, Items.bool(true));
        return conditional(tenant, eventId, update);
    }

    @Override
    public Optional<EventRecord> retryWaitingAt(String tenant, String eventId, long expectedVersion,
            Instant retryAt) {
        Update update = new Update()
                .set(RETRY_AT, Items.millis(retryAt))
                .set(UPDATED_AT, Items.millis(clock.instant()))
                .increment(VERSION)
                .condition("#version = :expectedVersion AND #status = :waiting", VERSION, STATUS)
                .bind(":expectedVersion", Items.n(expectedVersion))
                .bind(":waiting", Items.s(EventStatus.WAITING.name()));
        return conditional(tenant, eventId, update);
    }

    @Override
    public Optional<EventRecord> markFailed(String tenant, String eventId, long leasedVersion, String owner,
            String reason, boolean retryable, String resultJson) {
        Update update = leased(open(tenant, eventId, EventStatus.FAILED), leasedVersion, owner)
                .setOrRemove(REASON, reason == null ? null : Items.s(reason))
                .setOrRemove(RESULT, resultJson == null ? null : Items.s(resultJson))
                .set(RETRYABLE, Items.bool(retryable))
                .remove(RETRY_AT);
        return conditional(tenant, eventId, update);
    }

    @Override
    public List<EventRecord> findByStatus(EventStatus status, int limit) {
        requireIndexed(status);
        // Each shard is read oldest first; the oldest `limit` overall are among the first `limit` of every shard.
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.BACKLOG_SHARDS; shard++) {
            candidates.addAll(queryIndex(TableLayout.GSI2, TableLayout.GSI2_PK, Keys.backlog(status, shard), limit));
        }
        candidates.sort(Comparator.comparing(item -> Items.str(item, TableLayout.GSI2_SK)));
        return candidates.stream().limit(limit).map(DynamoDbEventStore::toRecord).toList();
    }

    @Override
    public List<EventRecord> findDue(EventStatus status, Instant now, int limit) {
        requireIndexed(status);
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.BACKLOG_SHARDS; shard++) {
            candidates.addAll(queryDue(Keys.backlog(status, shard), now, limit));
        }
        candidates.sort(Comparator.comparing(item -> Items.str(item, TableLayout.GSI2_SK)));
        return candidates.stream().limit(limit).map(DynamoDbEventStore::toRecord).toList();
    }

    /**
     * One shard's due events, oldest first. DynamoDB applies {@code Limit} before the filter, so a page can come back
     * short or empty while more due events follow: keep paging until {@code limit} are found or the shard ends.
     */
    private List<Map<String, AttributeValue>> queryDue(String shardKey, Instant now, int limit) {
        List<Map<String, AttributeValue>> due = Pages.read(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName(TableLayout.GSI2)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("attribute_not_exists(#retryAt) OR #retryAt <= :now")
                .expressionAttributeNames(Map.of("#pk", TableLayout.GSI2_PK, "#retryAt", RETRY_AT))
                .expressionAttributeValues(Map.of(":pk", Items.s(shardKey), ":now", Items.millis(now)))
                .scanIndexForward(true)
                .limit(limit)
                .build(), limit);
        return due.size() > limit ? due.subList(0, limit) : due;
    }

    @Override
    public List<EventRecord> findByStatus(String tenant, EventStatus status, int limit) {
        requireIndexed(status);
        return queryIndex(TableLayout.GSI1, TableLayout.GSI1_PK, Keys.tenantEventsByStatus(tenant, status), limit)
                .stream().map(DynamoDbEventStore::toRecord).toList();
    }

    private List<Map<String, AttributeValue>> queryIndex(String index, String pkName, String pk, int limit) {
        return dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", pkName))
                .expressionAttributeValues(Map.of(":pk", Items.s(pk)))
                .scanIndexForward(true)
                .limit(limit)
                .build()).items();
    }

    @Override
    public List<BacklogLane> backlogLanes() {
        List<BacklogLane> lanes = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.BACKLOG_SHARDS; shard++) {
            Pages.readAll(dynamo, QueryRequest.builder()
                    .tableName(table)
                    .indexName(TableLayout.GSI2)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.GSI2_PK))
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.backlogLanes(shard))))
                    .build()).forEach(item -> lanes.add(new BacklogLane(Items.str(item, TENANT),
                            (int) Items.num(item, DIVISION, 0), Items.instant(item, LEASE_UNTIL),
                            Items.instant(item, DRAINED_AT))));
        }
        return lanes;
    }

    @Override
    public LanePage laneEvents(String tenant, int division, String after, int limit) {
        QueryResponse page = dynamo.query(partitionAfter(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.GSI3_SK,
                Keys.laneEvents(tenant, division), after, Map.of()).limit(limit).build());
        List<LaneEvent> events = page.items().stream().map(DynamoDbEventStore::toLaneEvent).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !page.items().isEmpty();
        String next = more ? Items.str(page.items().get(page.items().size() - 1), TableLayout.GSI3_SK) : null;
        return new LanePage(events, next);
    }

    @Override
    public boolean adoptIntoLane(EventRecord stored, LanePlacement placement) {
        String tenant = stored.tenant();
        String eventId = stored.eventId();
        // Before the event joins it, as in the claim, so an event in a lane the drain does not list cannot be seen.
        touchLane(tenant, placement.lane(), clock.instant());
        Update update = new Update()
                .set(DIVISIONS, Items.ints(placement.divisions()))
                .setOrRemove(ENTITY, placement.entity() == null ? null : Items.s(placement.entity()))
                .set(TableLayout.GSI3_PK, Items.s(Keys.laneEvents(tenant, placement.lane())))
                .set(TableLayout.GSI3_SK, Items.s(tenantAge(stored.acceptedAt(), eventId)))
                .condition("#version = :expectedVersion AND #status <> :done AND attribute_not_exists(#gsi3pk)",
                        VERSION, STATUS, TableLayout.GSI3_PK)
                .bind(":expectedVersion", Items.n(stored.version()))
                .bind(":done", Items.s(EventStatus.DONE.name()));
        if (!placement.after().isEmpty()) {
            update.set(AFTER, AttributeValue.fromL(placement.after().stream().map(Items::s).toList()));
        }
        return conditional(tenant, eventId, update).isPresent();
    }

    @Override
    public boolean sweepLaneless(int pageSize, Consumer<EventRecord> adopt) {
        Instant now = clock.instant();
        Map<String, AttributeValue> sweep = sweepItem(now);
        if (sweep.containsKey(ENDED_AT)) {
            return true;
        }
        // Every event a version without lanes claimed was accepted before this, so the sweep ends once it is past it.
        String end = position(Items.instant(sweep, SINCE).plus(LANELESS_GRACE));
        boolean ended = true;
        for (int shard = 0; shard < TableLayout.BACKLOG_SHARDS; shard++) {
            String from = Items.str(sweep, SWEPT_TO + shard);
            if (from != null && from.compareTo(end) >= 0) {
                continue;
            }
            String to = sweepShard(shard, from, now, pageSize, adopt);
            recordSweep(shard, to);
            ended &= to.compareTo(end) >= 0;
        }
        if (ended) {
            dynamo.updateItem(new Update().set(ENDED_AT, Items.millis(now)).request(table, sweepKey()));
        }
        return ended;
    }

    /**
     * One page of a shard in every open status, from {@code from} on, lane-less events only; returns how far every
     * status was read. One position for all statuses, the lowest reached: an event that changes status keeps its
     * sort key, so it is ahead of the position in whichever status it is now.
     */
    private String sweepShard(int shard, String from, Instant now, int pageSize, Consumer<EventRecord> adopt) {
        String to = null;
        for (EventStatus status : EventStatus.values()) {
            if (!status.open()) {
                continue;
            }
            QueryResponse page = dynamo.query(partitionAfter(TableLayout.GSI2, TableLayout.GSI2_PK,
                    TableLayout.GSI2_SK, Keys.backlog(status, shard), from, Map.of("#gsi3pk", TableLayout.GSI3_PK))
                    .filterExpression("attribute_not_exists(#gsi3pk)")
                    .limit(pageSize)
                    .build());
            page.items().forEach(item -> adopt.accept(toRecord(item)));
            if (page.hasLastEvaluatedKey() && page.lastEvaluatedKey().containsKey(TableLayout.GSI2_SK)) {
                String reached = page.lastEvaluatedKey().get(TableLayout.GSI2_SK).s();
                to = to == null || reached.compareTo(to) < 0 ? reached : to;
            }
        }
        if (to == null) {
            // Every status read to its end: later pages hold events accepted from now on, less what the index lags.
            to = position(now.minus(INDEX_LAG));
        }
        return from != null && from.compareTo(to) > 0 ? from : to;
    }

    /**
     * A query of one index partition in sort-key order, strictly after {@code after} when it is given (a position
     * read before); the caller adds its filter, naming its attributes in {@code names}, and the page size.
     */
    private QueryRequest.Builder partitionAfter(String index, String pkAttribute, String skAttribute, String pk,
            String after, Map<String, String> names) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", pkAttribute);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Items.s(pk));
        if (after != null) {
            allNames.put("#sk", skAttribute);
            values.put(":after", Items.s(after));
        }
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(after == null ? "#pk = :pk" : "#pk = :pk AND #sk > :after")
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(values)
                .scanIndexForward(true);
    }

    /** The sweep's item, created at the first step (its {@code since} starts the grace for earlier versions). */
    private Map<String, AttributeValue> sweepItem(Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(sweepKey()).consistentRead(true).build()).item();
        if (item != null && !item.isEmpty()) {
            return item;
        }
        return dynamo.updateItem(new Update()
                .set("kind", Items.s("LANELESS_SWEEP"))
                .setIfAbsent(SINCE, Items.millis(now))
                .request(table, sweepKey())).attributes();
    }

    /** Moves a shard's position on, never back (overlapping rounds may sweep the same page). */
    private void recordSweep(int shard, String to) {
        try {
            dynamo.updateItem(new Update()
                    .set(SWEPT_TO + shard, Items.s(to))
                    .condition("attribute_not_exists(#" + SWEPT_TO + shard + ") OR #" + SWEPT_TO + shard + " < :to",
                            SWEPT_TO + shard)
                    .bind(":to", Items.s(to))
                    .request(table, sweepKey()));
        } catch (ConditionalCheckFailedException furtherAlready) {
            // Another round got at least as far.
        }
    }

    /** A sweep position: every event accepted at or after {@code at} sorts after it. */
    private static String position(Instant at) {
        return Keys.age(at.toEpochMilli(), "");
    }

    private static Map<String, AttributeValue> sweepKey() {
        return Items.key(Keys.LANELESS_SWEEP_PK, Keys.LANELESS_SWEEP_SK);
    }

    @Override
    public boolean tryDrainLease(String tenant, int division, String owner, Instant until) {
        Update update = new Update()
                .set(TENANT, Items.s(tenant))
                .set(DIVISION, Items.n(division))
                .set("kind", Items.s("BACKLOG_LANE"))
                .set(LEASE_OWNER, Items.s(owner))
                .set(LEASE_UNTIL, Items.millis(until))
                .condition("attribute_not_exists(#leaseUntil) OR #leaseUntil <= :now OR #leaseOwner = :owner",
                        LEASE_UNTIL, LEASE_OWNER)
                .bind(":now", Items.millis(clock.instant()))
                .bind(":owner", Items.s(owner));
        try {
            dynamo.updateItem(update.request(table, laneKey(tenant, division)));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void releaseDrainLease(String tenant, int division, String owner, boolean empty, Instant quietBefore) {
        if (empty) {
            Update leave = released(owner)
                    .remove(TableLayout.GSI2_PK)
                    .remove(TableLayout.GSI2_SK)
                    .condition("#leaseOwner = :owner AND (attribute_not_exists(#touchedAt) OR #touchedAt < :quiet)",
                            LEASE_OWNER, TOUCHED_AT)
                    .bind(":owner", Items.s(owner))
                    .bind(":quiet", Items.millis(quietBefore));
            try {
                dynamo.updateItem(leave.request(table, laneKey(tenant, division)));
                return;
            } catch (ConditionalCheckFailedException claimedMeanwhile) {
                // An event was claimed in the lane lately (or the lease was lost): keep it listed.
            }
        }
        Update release = released(owner)
                .condition("#leaseOwner = :owner", LEASE_OWNER)
                .bind(":owner", Items.s(owner));
        try {
            dynamo.updateItem(release.request(table, laneKey(tenant, division)));
        } catch (ConditionalCheckFailedException lost) {
            // The lease ran out and another run holds the lane now: nothing of ours to give up.
        }
    }

    private Update released(String owner) {
        return new Update()
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .set(DRAINED_AT, Items.millis(clock.instant()));
    }

    /** Lists the lane for the drain (one unconditional write; the claim repeats it for every event). */
    private void touchLane(String tenant, int division, Instant now) {
        dynamo.updateItem(new Update()
                .set(TENANT, Items.s(tenant))
                .set(DIVISION, Items.n(division))
                .set("kind", Items.s("BACKLOG_LANE"))
                .set(TOUCHED_AT, Items.millis(now))
                .set(TableLayout.GSI2_PK, Items.s(Keys.backlogLanes(Keys.laneShard(tenant, division))))
                .set(TableLayout.GSI2_SK, Items.s(Keys.division(tenant, division)))
                .request(table, laneKey(tenant, division)));
    }

    private static Map<String, AttributeValue> laneKey(String tenant, int division) {
        return Items.key(Keys.division(tenant, division), Keys.DRAIN_SK);
    }

    private static LaneEvent toLaneEvent(Map<String, AttributeValue> item) {
        EventRecord record = toRecord(item);
        String entity = Items.str(item, ENTITY);
        AttributeValue after = item.get(AFTER);
        List<String> prerequisites = after == null || !after.hasL() ? List.of()
                : after.l().stream().map(AttributeValue::s).toList();
        return new LaneEvent(record, entity == null ? "event:" + record.eventId() : entity, prerequisites);
    }

    private static void requireIndexed(EventStatus status) {
        if (!status.open()) {
            throw new IllegalArgumentException("finished events are not indexed: " + status);
        }
    }

    /** A move to an open status: the index partition keys follow the status; the age sort keys stay. */
    private Update open(String tenant, String eventId, EventStatus status) {
        return new Update()
                .set(STATUS, Items.s(status.name()))
                .set(UPDATED_AT, Items.millis(clock.instant()))
                .set(TableLayout.GSI1_PK, Items.s(Keys.tenantEventsByStatus(tenant, status)))
                .set(TableLayout.GSI2_PK, Items.s(backlogKey(tenant, eventId, status)))
                .increment(VERSION);
    }

    /**
     * A finish by the lease holder. Not conditional on the lease being unexpired: if nobody took over, the version
     * is unchanged and the work just done is the truth; if somebody did, the version moved and this is refused.
     */
    private static Update leased(Update update, long leasedVersion, String owner) {
        return update
                .remove(LEASE_OWNER)
                .remove(LEASE_UNTIL)
                .condition("#version = :leasedVersion AND #leaseOwner = :owner AND #status = :inProgress",
                        VERSION, LEASE_OWNER, STATUS)
                .bind(":leasedVersion", Items.n(leasedVersion))
                .bind(":owner", Items.s(owner))
                .bind(":inProgress", Items.s(EventStatus.IN_PROGRESS.name()));
    }

    private Optional<EventRecord> conditional(String tenant, String eventId, Update update) {
        try {
            return Optional.of(toRecord(dynamo.updateItem(update.request(table, key(tenant, eventId))).attributes()));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    private static String backlogKey(String tenant, String eventId, EventStatus status) {
        return Keys.backlog(status, Keys.shard(tenant, eventId));
    }

    private static String tenantAge(Instant acceptedAt, String eventId) {
        return Keys.age(acceptedAt.toEpochMilli(), Keys.part(eventId));
    }

    private static String globalAge(Instant acceptedAt, String tenant, String eventId) {
        return Keys.age(acceptedAt.toEpochMilli(), Keys.event(tenant, eventId));
    }

    private static Map<String, AttributeValue> key(String tenant, String eventId) {
        return Items.key(Keys.event(tenant, eventId), Keys.EVENT_SK);
    }

    private static EventRecord toRecord(Map<String, AttributeValue> item) {
        return new EventRecord(
                Items.str(item, TENANT),
                Items.str(item, EVENT_ID),
                Items.str(item, TYPE),
                Items.str(item, BODY_HASH),
                Items.str(item, BODY),
                EventStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, REASON),
                Items.flag(item, RETRYABLE),
                Items.str(item, RESULT),
                (int) Items.num(item, ATTEMPTS, 0),
                Items.str(item, LEASE_OWNER),
                Items.instant(item, LEASE_UNTIL),
                Items.instant(item, ACCEPTED_AT),
                Items.instant(item, UPDATED_AT),
                Items.instant(item, RETRY_AT),
                Items.instantFromSeconds(item, TableLayout.EXPIRES_AT),
                Items.num(item, VERSION, 0));
    }
}
