package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.LanePlacement;
import org.exactsync.store.NewEvent;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay drains the backlog per (tenant, division) lane: lanes in turn, oldest first, an entity's events in order
 * and an invoice after its relation, every due event of a lane in one run, one run per lane at a time, and no event
 * started that cannot finish before the run's deadline.
 */
class BacklogDrainTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final InboundLimits LIMITS = InboundLimits.defaults();
    private static final List<String> TENANTS = List.of("acme", "globex");

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final OrderedHandlers handlers = new OrderedHandlers(clock);
    private final EventHandler<OrderedHandlers.Data> relations = handlers.relations();
    private final EventHandler<OrderedHandlers.Data> invoices = handlers.invoices();
    private final InvocationDeadline deadlines = new InvocationDeadline();
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private DynamoDbEventStore events;
    private InboundPipeline pipeline;
    private EventReplayer replayer;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("drain");
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        List<Tenant> tenants = new ArrayList<>();
        for (String tenant : TENANTS) {
            connections.save(new ConnectionRecord(tenant, "https://start.exactonline.nl", "u-" + tenant, "c",
                    List.of(1, 2), List.of(1), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0));
            tenants.add(new Tenant(tenant, "s", "o", Optional.empty(), ConflictPolicy.REPORT, List.of()));
        }
        pipeline = new InboundPipeline(new TenantSettings(tenants), connections, events, callbacks,
                new ObjectMapper(), clock, LIMITS);
        replayer = new EventReplayer(events, pipeline, List.of(relations, invoices), clock, LIMITS.lease(), 100,
                deadlines, EventReplayer.START_MARGIN);
    }

    @Test
    void drainsLanesInTurnOldestFirstAndAnInvoiceRightAfterItsRelation() {
        // Accepted lane after lane, so only the drain can interleave them; in acme/1 an invoice comes before its
        // relation.
        invoice("acme", 1, "inv-1", "rel-9");
        for (String tenant : TENANTS) {
            for (int division : List.of(1, 2)) {
                for (int n = 1; n <= 3; n++) {
                    relation(tenant, division, "rel-" + n + "-" + tenant + division);
                }
            }
        }
        relation("acme", 1, "rel-9");
        dueNow();

        ReplayReport report = replayer.replayDue();

        assertThat(report.lanes()).isEqualTo(4);
        assertThat(lanes(handlers.ran.subList(0, 4))).as("the first turn visits every lane")
                .containsExactlyInAnyOrder("acme/1", "acme/2", "globex/1", "globex/2");
        assertThat(lanes(handlers.ran.subList(4, 8))).as("and so does the second")
                .containsExactlyInAnyOrder("acme/1", "acme/2", "globex/1", "globex/2");
        for (String tenant : TENANTS) {
            for (int division : List.of(1, 2)) {
                String lane = tenant + "/" + division;
                assertThat(handlers.ran.stream().filter(r -> r.startsWith(lane + "/")).toList())
                        .as("oldest first in %s", lane).startsWith(lane + "/evt-rel-1-" + tenant + division,
                                lane + "/evt-rel-2-" + tenant + division, lane + "/evt-rel-3-" + tenant + division);
            }
        }
        assertThat(handlers.ran).as("the invoice runs once, right after its relation")
                .containsSubsequence("acme/1/evt-rel-9", "acme/1/evt-inv-1")
                .filteredOn(r -> r.endsWith("evt-inv-1")).hasSize(1);
        assertThat(report.done()).isEqualTo(14);
        assertThat(events.findByStatus(EventStatus.WAITING, 100)).isEmpty();
    }

    @Test
    void aNewerEventOfAnEntityWaitsWhileAnOlderOneIsStillOpen() {
        relation("acme", 1, "rel-1", "evt-v1");
        relation("acme", 1, "rel-1", "evt-v2");
        invoice("acme", 1, "inv-1", "rel-1");
        dueNow();
        // Another worker holds the older version right now.
        var older = events.find("acme", "evt-v1").orElseThrow();
        events.startAttempt("acme", "evt-v1", older.version(), "other-worker", clock.instant().plusSeconds(60));

        ReplayReport report = replayer.replayDue();

        assertThat(handlers.ran).as("neither the newer version nor the invoice that needs it is started").isEmpty();
        assertThat(report.skipped()).isEqualTo(3);
    }

    @Test
    void everyDueEventOfALaneIsStartedInOneRunWithoutACap() {
        for (int n = 0; n < 300; n++) {
            relation("acme", 1, "rel-" + n);
        }
        dueNow();

        ReplayReport report = within(Duration.ofMinutes(5), replayer::replayDue);

        assertThat(report.resumed()).isEqualTo(300);
        assertThat(handlers.ran).hasSize(300).first().isEqualTo("acme/1/evt-rel-0");
        assertThat(handlers.ran).last().isEqualTo("acme/1/evt-rel-299");
    }

    @Test
    void startsNoEventThatCannotFinishBeforeTheRunsDeadline() {
        for (int n = 0; n < 10; n++) {
            relation("acme", 1, "rel-" + n);
        }
        dueNow();
        handlers.runTime = Duration.ofSeconds(5);

        // 60 s left and 30 s kept free: events start at 0, 5, ... 30 s, none later.
        ReplayReport first = within(Duration.ofSeconds(60), replayer::replayDue);

        assertThat(first.resumed()).isEqualTo(7);
        assertThat(events.find("acme", "evt-rel-7").orElseThrow().status()).isEqualTo(EventStatus.WAITING);
        ReplayReport next = within(Duration.ofSeconds(60), replayer::replayDue);
        assertThat(next.resumed()).as("the next run has the lane again and goes on where it stopped").isEqualTo(3);
        assertThat(handlers.ran).last().isEqualTo("acme/1/evt-rel-9");
    }

    @Test
    void aLaneWorkerStoppedByItsDeadlineHandsTheLaneOnAtOnceAndOneThatEmptiedItDoesNot() {
        for (int n = 0; n < 10; n++) {
            relation("acme", 1, "rel-" + n);
        }
        relation("globex", 1, "rel-g");
        dueNow();
        handlers.runTime = Duration.ofSeconds(5);
        List<org.exactsync.schedule.WorkItem> handedOn = new ArrayList<>();
        org.exactsync.schedule.WorkDispatcher recording = new org.exactsync.schedule.WorkDispatcher() {
            @Override
            public <R> Dispatched<R> dispatch(List<org.exactsync.schedule.WorkItem> items,
                    java.util.function.Function<org.exactsync.schedule.WorkItem, R> localWorker) {
                handedOn.addAll(items);
                return new Dispatched<>(List.of(), List.of());
            }
        };
        EventReplayFunction function = new EventReplayFunction(replayer, recording, clock, 20);

        ReplayReport cut = within(Duration.ofSeconds(60), () -> function.replay(
                new org.exactsync.crm.ScheduleTick("t", null, "event-replay@1", "acme", 1)));
        ReplayReport emptied = within(Duration.ofSeconds(60), () -> function.replay(
                new org.exactsync.crm.ScheduleTick("t", null, "event-replay@1", "globex", 1)));

        assertThat(cut.cutShort()).isEqualTo(1);
        assertThat(emptied.cutShort()).isZero();
        assertThat(handedOn).as("only the lane left with due events, to a new worker")
                .containsExactly(new org.exactsync.schedule.WorkItem("event-replay@1", "acme", 1));
    }

    @Test
    void overlappingRunsNeverDrainOneDivisionAtOnce() throws Exception {
        for (String tenant : TENANTS) {
            for (int division : List.of(1, 2)) {
                for (int n = 0; n < 3; n++) {
                    relation(tenant, division, "rel-" + n + "-" + tenant + division);
                }
            }
        }
        dueNow();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        handlers.during = () -> {
            if (first.getAndSet(false)) {
                holding.countDown();
                await(release);
            }
        };

        CompletableFuture<ReplayReport> runA = CompletableFuture.supplyAsync(() -> replayer.drainLane("acme", 1));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        ReplayReport runB = replayer.replayDue();
        release.countDown();
        ReplayReport a = runA.get(30, TimeUnit.SECONDS);

        assertThat(runB.lanes()).as("run B takes the other lanes").isEqualTo(3);
        assertThat(handlers.ran.stream().filter(r -> r.startsWith("acme/1/"))).hasSize(3);
        assertThat(a.resumed()).as("run A drains its lane alone").isEqualTo(3);
        assertThat(handlers.mostAtOnce.values()).as("runs at once per lane").containsOnly(1);
        assertThat(Set.copyOf(handlers.ran)).as("every event ran once").hasSize(12);
        assertThat(handlers.ran).hasSize(12);
    }

    @Test
    void aReplayedEventThatFailsTellsTheCrmAsAFirstDeliveryWould() {
        relation("acme", 1, "rel-1");
        dueNow();
        EventHandler<OrderedHandlers.Data> failing = new EventHandler<>() {
            @Override
            public String type() {
                return relations.type();
            }

            @Override
            public Class<OrderedHandlers.Data> dataType() {
                return OrderedHandlers.Data.class;
            }

            @Override
            public List<Problem> validate(com.fasterxml.jackson.databind.JsonNode data) {
                return List.of();
            }

            @Override
            public Outcome process(AcceptedEvent<OrderedHandlers.Data> event) {
                return new Outcome.Failed("Exact refused the account", false);
            }
        };
        EventReplayer failingReplayer = new EventReplayer(events, pipeline, List.of(failing), clock, LIMITS.lease(),
                100, deadlines, EventReplayer.START_MARGIN);

        failingReplayer.replayDue();

        assertThat(callbacks.sent).extracting(RecordingCallbacks.Sent::type, RecordingCallbacks.Sent::entityKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sync.failed", "relation:rel-1"));
        assertThat(events.find("acme", "evt-rel-1").orElseThrow().status()).isEqualTo(EventStatus.FAILED);
    }

    @Test
    void anEventClaimedBeforeLanesExistedIsPlacedInItsLaneAndBookedOnce() {
        // Claimed by a version without lanes: an invoice before its relation, the relation in the tenant's default
        // division (no divisions in its envelope).
        legacyWaiting(invoices, "acme", "evt-old-inv", "[1]",
                "{\"id\":\"inv-old\",\"name\":\"n\",\"relationId\":\"rel-old\"}");
        legacyWaiting(relations, "acme", "evt-old-rel", null, "{\"id\":\"rel-old\",\"name\":\"n\"}");
        dueNow();

        ReplayReport first = replayer.replayDue();
        ReplayReport second = replayer.replayDue();

        assertThat(handlers.ran).as("both run once in lane acme/1, the invoice after the relation it needs")
                .containsExactly("acme/1/evt-old-rel", "acme/1/evt-old-inv");
        assertThat(first.done()).isEqualTo(2);
        assertThat(second.resumed()).isZero();
        assertThat(events.find("acme", "evt-old-inv").orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    @Test
    void anAdoptedEventIsNotAdoptedAgain() {
        EventRecord stored = legacyWaiting(relations, "acme", "evt-old", "[2]",
                "{\"id\":\"rel-old\",\"name\":\"n\"}");
        LanePlacement placement = pipeline.placement(stored, relations).orElseThrow();

        assertThat(replayer.adoptLaneless()).isEqualTo(1);
        assertThat(replayer.adoptLaneless()).as("the sweep lists it no more").isZero();
        assertThat(events.adoptIntoLane(stored, placement)).as("a late second placement is refused").isFalse();
        assertThat(events.laneEvents("acme", 2, null, 10).events()).extracting(e -> e.record().eventId())
                .containsExactly("evt-old");
        assertThat(placement.entity()).isEqualTo("relation:rel-old");
    }

    @Test
    void theSweepEndsOnceItIsPastWhatAVersionWithoutLanesCanHaveClaimed() {
        relation("acme", 1, "rel-1");

        assertThat(events.sweepLaneless(100, listed -> { })).as("old versions may still be running").isFalse();
        clock.advance(Duration.ofMinutes(20));
        assertThat(events.sweepLaneless(100, listed -> { })).isTrue();
        legacyWaiting(relations, "acme", "evt-too-late", "[1]", "{\"id\":\"rel-2\",\"name\":\"n\"}");
        assertThat(replayer.adoptLaneless()).as("an ended sweep reads no page").isZero();
    }

    @Test
    void theSweepGoesOnPageByPageThroughEveryOpenStatus() {
        legacyWaiting(relations, "acme", "evt-old-1", "[1]", "{\"id\":\"rel-1\",\"name\":\"n\"}");
        EventRecord second = legacyWaiting(relations, "acme", "evt-old-2", "[1]",
                "{\"id\":\"rel-2\",\"name\":\"n\"}");
        legacyWaiting(relations, "acme", "evt-old-3", "[1]", "{\"id\":\"rel-3\",\"name\":\"n\"}");
        EventRecord leased = events.startAttempt("acme", "evt-old-2", second.version(), "w",
                clock.instant().plusSeconds(60)).orElseThrow();
        events.markFailed("acme", "evt-old-2", leased.version(), "w", "Exact was down", true, null);
        List<String> handed = new ArrayList<>();

        for (int step = 0; step < 6; step++) {
            events.sweepLaneless(1, listed -> {
                handed.add(listed.eventId());
                events.adoptIntoLane(listed, pipeline.placement(listed, relations).orElseThrow());
            });
        }

        assertThat(handed).containsExactlyInAnyOrder("evt-old-1", "evt-old-2", "evt-old-3");
        assertThat(events.laneEvents("acme", 1, null, 10).events()).extracting(e -> e.record().eventId())
                .containsExactly("evt-old-1", "evt-old-2", "evt-old-3");
    }

    /** An event as a version without lanes stored it (no lane attributes, lane not listed), left waiting. */
    private EventRecord legacyWaiting(EventHandler<?> handler, String tenant, String eventId, String divisions,
            String data) {
        clock.advance(Duration.ofMillis(10));
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + handler.type() + "\",\"occurredAt\":\""
                + clock.instant() + "\",\"tenant\":\"" + tenant + "\""
                + (divisions == null ? "" : ",\"divisions\":" + divisions) + ",\"data\":" + data + "}";
        EventRecord claimed = events.claim(new NewEvent(tenant, eventId, handler.type(), "hash-" + eventId, body,
                clock.instant().plus(LIMITS.eventRetention()))).record();
        EventRecord leased = events.startAttempt(tenant, eventId, claimed.version(), "old-worker",
                clock.instant().plus(LIMITS.lease())).orElseThrow();
        return events.markWaiting(tenant, eventId, leased.version(), "old-worker", "waiting", clock.instant())
                .orElseThrow();
    }

    private ReplayReport within(Duration left, java.util.function.Supplier<ReplayReport> run) {
        return deadlines.within(Deadline.after(clock, left), run);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> lanes(List<String> ran) {
        return ran.stream().map(r -> r.substring(0, r.lastIndexOf('/'))).toList();
    }

    /** Past the first retry time of everything delivered; from now on the handlers do their work. */
    private void dueNow() {
        clock.advance(LIMITS.waitingRetry());
        handlers.live = true;
    }

    private void relation(String tenant, int division, String id) {
        relation(tenant, division, id, "evt-" + id);
    }

    private void relation(String tenant, int division, String id, String eventId) {
        deliver(relations, tenant, division, eventId, "{\"id\":\"" + id + "\",\"name\":\"n\"}");
    }

    private void invoice(String tenant, int division, String id, String relationId) {
        deliver(invoices, tenant, division, "evt-" + id,
                "{\"id\":\"" + id + "\",\"name\":\"n\",\"relationId\":\"" + relationId + "\"}");
    }

    private void deliver(EventHandler<?> handler, String tenant, int division, String eventId, String data) {
        clock.advance(Duration.ofMillis(10));
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + handler.type() + "\",\"occurredAt\":\""
                + clock.instant() + "\",\"tenant\":\"" + tenant + "\",\"divisions\":[" + division + "],\"data\":"
                + data + "}";
        String header = CrmSignature.sign("s", clock.instant(), body.getBytes(StandardCharsets.UTF_8));
        HttpResponseEvent answer = pipeline.handle(new HttpRequestEvent("/crm/x", null,
                Map.of("Crm-Signature", header), body, false), handler);
        assertThat(answer.statusCode()).as("delivery of %s", eventId).isEqualTo(202);
    }
}
