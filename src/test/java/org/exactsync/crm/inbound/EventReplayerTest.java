package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventStatus;
import org.exactsync.store.NewEvent;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accepted events are finished later without a new delivery: the contract's 202 promise. */
class EventReplayerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final InboundLimits LIMITS = InboundLimits.defaults();

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final FakeHandler handler = new FakeHandler();
    private DynamoDbEventStore events;
    private DynamoDbConnectionStore connections;
    private InboundPipeline pipeline;
    private EventReplayer replayer;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("replay");
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        connections.save(new ConnectionRecord("default", "https://start.exactonline.nl", "u", "c", List.of(100),
                List.of(100), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0));
        TenantSettings tenants = new TenantSettings(List.of(new Tenant("default", "s", "o", Optional.empty(),
                ConflictPolicy.REPORT, List.of())));
        pipeline = new InboundPipeline(tenants, connections, events, new RecordingCallbacks(), new ObjectMapper(),
                clock, LIMITS);
        replayer = new EventReplayer(events, pipeline, List.of(handler), clock, LIMITS.lease(), 50);
    }

    private static String body(String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"thing.upserted\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"data\":{\"id\":\"t-" + eventId + "\",\"name\":\"Widget\",\"count\":1}}";
    }

    private void deliver(String eventId) {
        String body = body(eventId);
        String header = CrmSignature.sign("s", clock.instant(), body.getBytes(StandardCharsets.UTF_8));
        pipeline.handle(new HttpRequestEvent("/crm/things", null, Map.of("Crm-Signature", header), body, false),
                handler);
    }

    @Test
    void finishesAWaitingEventOnceItsRetryTimeHasCome() {
        handler.answers(event -> new Outcome.Waiting("Exact down"));
        deliver("evt-wait");
        handler.answers(event -> new Outcome.Done(List.of()));

        assertThat(replayer.replayDue().resumed()).as("before the retry time").isZero();
        clock.advance(LIMITS.waitingRetry());
        ReplayReport report = replayer.replayDue();

        assertThat(report.done()).isEqualTo(1);
        assertThat(events.find("default", "evt-wait").orElseThrow().status()).isEqualTo(EventStatus.DONE);
        assertThat(handler.processed).hasSize(2);
    }

    @Test
    void findsADueWaitingEventBehindManyParkedUntilLater() {
        handler.answers(event -> event.eventId().startsWith("evt-parked")
                ? new Outcome.Waiting("daily budget spent") : new Outcome.Waiting("Exact down"));
        EventReplayer smallBatches = new EventReplayer(events, pipeline, List.of(handler), clock, LIMITS.lease(), 2);
        for (int i = 0; i < 3; i++) {
            deliver("evt-parked-" + i);
        }
        clock.advance(Duration.ofSeconds(1));
        deliver("evt-due");
        handler.answers(event -> event.eventId().equals("evt-due")
                ? new Outcome.Done(List.of()) : new Outcome.Waiting("daily budget spent"));
        // Park the first three until tomorrow by letting them wait again with a far retry time.
        InboundPipeline parking = new InboundPipeline(new TenantSettings(List.of(new Tenant("default", "s", "o",
                Optional.empty(), ConflictPolicy.REPORT, List.of()))), connections, events, new RecordingCallbacks(),
                new ObjectMapper(), clock, new InboundLimits(LIMITS.signatureTolerance(), LIMITS.eventRetention(),
                        LIMITS.lease(), Duration.ofDays(1)));
        clock.advance(LIMITS.waitingRetry());
        for (int i = 0; i < 3; i++) {
            parking.resume(events.find("default", "evt-parked-" + i).orElseThrow(), handler);
        }

        smallBatches.replayDue();

        assertThat(events.find("default", "evt-due").orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    @Test
    void retriesARetryableFailureWithADelayButNeverAFinalOne() {
        handler.answers(event -> new Outcome.Failed("Exact 503", event.eventId().equals("evt-retryable")));
        deliver("evt-retryable");
        deliver("evt-final");
        handler.answers(event -> new Outcome.Done(List.of()));

        assertThat(replayer.replayDue().resumed()).isZero();
        clock.advance(Duration.ofMinutes(1));
        replayer.replayDue();

        assertThat(events.find("default", "evt-retryable").orElseThrow().status()).isEqualTo(EventStatus.DONE);
        assertThat(events.find("default", "evt-final").orElseThrow().status()).isEqualTo(EventStatus.FAILED);
    }

    @Test
    void picksUpAnEventWhoseFirstDeliveryDiedBeforeStartingIt() {
        events.claim(new NewEvent("default", "evt-orphan", "thing.upserted", "h", body("evt-orphan"),
                NOW.plus(Duration.ofDays(30)), List.of(100), "thing:t-1", List.of()));

        assertThat(replayer.replayDue().resumed()).as("the first delivery may still take it").isZero();
        clock.advance(LIMITS.lease());
        replayer.replayDue();

        assertThat(events.find("default", "evt-orphan").orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    @Test
    void leavesEventsOfATypeNoHandlerTakesAlone() {
        events.claim(new NewEvent("default", "evt-other", "invoice.created", "h", body("evt-other"),
                NOW.plus(Duration.ofDays(30)), List.of(100), "invoice:i-1", List.of()));
        clock.advance(LIMITS.lease());

        ReplayReport report = replayer.replayDue();

        assertThat(report.resumed()).isZero();
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(events.find("default", "evt-other").orElseThrow().status()).isEqualTo(EventStatus.ACCEPTED);
    }
}
