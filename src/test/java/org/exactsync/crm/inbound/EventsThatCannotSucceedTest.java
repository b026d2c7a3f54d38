package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.SyncFailed;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.NewEvent;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event no attempt can finish ends failed for good, with its reason, in the operator's listing and in a
 * {@code sync.failed} callback, instead of being skipped or retried by every replay for ever.
 */
class EventsThatCannotSucceedTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final InboundLimits LIMITS = InboundLimits.defaults();

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final FakeHandler handler = new FakeHandler();
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final ObjectMapper json = new ObjectMapper();
    private DynamoDbEventStore events;
    private InboundPipeline pipeline;
    private EventReplayer replayer;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("cannot-succeed");
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        connections.save(new ConnectionRecord("default", "https://start.exactonline.nl", "u", "c", List.of(100),
                List.of(100), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0));
        TenantSettings tenants = new TenantSettings(List.of(new Tenant("default", "s", "o", Optional.empty(),
                ConflictPolicy.REPORT, List.of())));
        pipeline = new InboundPipeline(tenants, connections, events, callbacks, json, clock, LIMITS);
        replayer = new EventReplayer(events, pipeline, List.of(handler), clock, LIMITS.lease(), 50);
    }

    @Test
    void aStoredEventWhoseBodyNoLongerBindsEndsFailedWithItsReasonAndASyncFailedCallback() throws Exception {
        // Accepted by an earlier version whose Thing.count was text; this version's binding refuses it.
        String body = "{\"eventId\":\"evt-poison\",\"type\":\"thing.upserted\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"data\":{\"id\":\"t-9\",\"name\":\"Widget\",\"count\":\"three\"}}";
        events.claim(new NewEvent("default", "evt-poison", "thing.upserted", "h", body, NOW.plus(Duration.ofDays(30))));
        clock.advance(LIMITS.lease());

        replayer.replayDue();

        EventRecord stored = events.find("default", "evt-poison").orElseThrow();
        assertThat(stored.status()).isEqualTo(EventStatus.FAILED);
        assertThat(stored.retryable()).isFalse();
        assertThat(stored.reason()).contains("no longer binds").contains("data.count");
        assertThat(handler.processed).as("never handed to the flow").isEmpty();
        assertThat(callbacks.sent).singleElement().satisfies(sent -> {
            assertThat(sent.type()).isEqualTo("sync.failed");
            assertThat(sent.entityKey()).isEqualTo("thing:t-9");
            assertThat(sent.data()).isEqualTo(new SyncFailed("evt-poison", "thing:t-9", stored.reason(), false));
        });
        JsonNode listed = listedFailed();
        assertThat(listed.at("/events/0/eventId").asText()).isEqualTo("evt-poison");
        assertThat(listed.at("/events/0/state").asText()).isEqualTo("failed");
        assertThat(listed.at("/events/0/retryable").asBoolean()).isFalse();
        assertThat(listed.at("/events/0/reason").asText()).isEqualTo(stored.reason());

        clock.advance(Duration.ofDays(1));
        assertThat(replayer.replayDue().resumed()).as("a final failure is not replayed by itself").isZero();
        assertThat(callbacks.sent).hasSize(1);
    }

    @Test
    void aRetryableFailureOnTheLastAttemptEndsFinalAndSaysSo() throws Exception {
        handler.answers(event -> new Outcome.Failed("Exact answered 503", true));
        deliver("evt-flaky");
        for (int i = 1; i < EventReplayer.MAX_ATTEMPTS; i++) {
            clock.advance(Duration.ofHours(1));
            replayer.replayDue();
        }

        EventRecord stored = events.find("default", "evt-flaky").orElseThrow();
        assertThat(stored.attempts()).isEqualTo(EventReplayer.MAX_ATTEMPTS);
        assertThat(stored.status()).isEqualTo(EventStatus.FAILED);
        assertThat(stored.retryable()).as("nothing retries it any more").isFalse();
        assertThat(stored.reason()).startsWith("Exact answered 503").contains("given up after 10 attempts");
        assertThat(callbacks.sent).hasSize(EventReplayer.MAX_ATTEMPTS)
                .allSatisfy(sent -> assertThat(sent.type()).isEqualTo("sync.failed"));
        assertThat(callbacks.sent.get(EventReplayer.MAX_ATTEMPTS - 1).data())
                .isEqualTo(new SyncFailed("evt-flaky", "thing:t-1", stored.reason(), false));
        assertThat(listedFailed().at("/events/0/retryable").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(1));
        replayer.replayDue();
        assertThat(handler.processed).hasSize(EventReplayer.MAX_ATTEMPTS);
    }

    private JsonNode listedFailed() throws Exception {
        HttpResponseEvent listing = new EventAdmin(events, replayer, json).open("default", Optional.of("failed"),
                Optional.empty());
        assertThat(listing.statusCode()).isEqualTo(200);
        return json.readTree(listing.body());
    }

    private void deliver(String eventId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"thing.upserted\","
                + "\"occurredAt\":\"2026-11-26T10:00:00Z\",\"data\":{\"id\":\"t-1\",\"name\":\"Widget\",\"count\":1}}";
        String header = CrmSignature.sign("s", clock.instant(), body.getBytes(StandardCharsets.UTF_8));
        pipeline.handle(new HttpRequestEvent("/crm/things", null, Map.of("Crm-Signature", header), body, false),
                handler);
    }
}
