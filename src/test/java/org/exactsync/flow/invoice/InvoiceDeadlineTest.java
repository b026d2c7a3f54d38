package org.exactsync.flow.invoice;

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
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.crm.inbound.ReplayReport;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.time.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real pipeline and replayer, against the sandbox: a wait that would pass the invocation's deadline is
 * answered 202 waiting at once, and the replayer books the invoice later, exactly once.
 */
class InvoiceDeadlineTest {

    private static final InboundLimits LIMITS = InboundLimits.defaults();
    /** template.yaml's Timeout of the invoice route and of the replayer. */
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(28);
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(300);

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();
    private DynamoDbEventStore events;
    private InboundPipeline pipeline;
    private EventReplayer replayer;
    private InvoicePostingHandler handler;

    @BeforeEach
    void wire() {
        events = new DynamoDbEventStore(flow.dynamo.client(), flow.table, flow.clock);
        TenantSettings tenants = new TenantSettings(List.of(new Tenant(InvoiceFlowFixture.TENANT, "in-secret", "out",
                Optional.empty(), ConflictPolicy.REPORT, List.of())));
        pipeline = new InboundPipeline(tenants, flow.connections, events, flow.callbacks, new ObjectMapper(),
                flow.clock, LIMITS);
        handler = flow.handler();
        replayer = new EventReplayer(events, pipeline, List.of(handler), flow.clock, LIMITS.lease(), 50);
        flow.syncRelation("rel-1001", "NL123456789B01");
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void answersWaitingWhenTheBudgetWaitPassesTheDeadlineAndTheReplayerBooksItOnce() {
        // Another process has spent the minute: the next call could go at 10:01, past this invocation's 10:00:28.
        Instant nextMinute = Instant.parse("2026-11-26T10:01:00Z");
        new DynamoDbCallBudgetStore(flow.dynamo.client(), flow.table).raiseTo(
                new BudgetKey(flow.sandbox.clientId(), InvoiceFlowFixture.DIVISION),
                "M:" + flow.clock.instant().getEpochSecond() / 60, 1000, nextMinute.plus(Duration.ofHours(1)));

        HttpResponseEvent answer = deliver("evt-deadline-budget");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"state\":\"waiting\"").contains("\"retryable\":true");
        assertThat(flow.clock.instant()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        EventRecord waiting = events.find(InvoiceFlowFixture.TENANT, "evt-deadline-budget").orElseThrow();
        assertThat(waiting.status()).isEqualTo(EventStatus.WAITING);
        assertThat(waiting.retryAt()).isEqualTo(nextMinute);
        assertThat(flow.entries()).isEmpty();

        bookedOnceByTheReplayer("evt-deadline-budget", nextMinute);
    }

    @Test
    void answersWaitingWhenExactsResetPassesTheDeadlineAndTheReplayerBooksItOnce() {
        flow.sandbox.inject(FaultRule.tooManyRequests().on("POST", "salesentry/SalesEntries").times(1));

        HttpResponseEvent answer = deliver("evt-deadline-429");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"state\":\"waiting\"");
        EventRecord waiting = events.find(InvoiceFlowFixture.TENANT, "evt-deadline-429").orElseThrow();
        assertThat(waiting.status()).isEqualTo(EventStatus.WAITING);
        assertThat(waiting.retryAt()).isAfter(flow.clock.instant().plus(ROUTE_TIMEOUT));
        assertThat(flow.entries()).isEmpty();

        bookedOnceByTheReplayer("evt-deadline-429", waiting.retryAt());
    }

    private void bookedOnceByTheReplayer(String eventId, Instant due) {
        flow.clock.advance(Duration.between(flow.clock.instant(), due).plusSeconds(1));
        ReplayReport first = flow.deadlines.within(Deadline.after(flow.clock, REPLAY_TIMEOUT),
                replayer::replayDue);
        flow.clock.advance(LIMITS.waitingRetry());
        ReplayReport second = flow.deadlines.within(Deadline.after(flow.clock, REPLAY_TIMEOUT),
                replayer::replayDue);

        assertThat(first.done()).isEqualTo(1);
        assertThat(second.resumed()).isZero();
        assertThat(events.find(InvoiceFlowFixture.TENANT, eventId).orElseThrow().status())
                .isEqualTo(EventStatus.DONE);
        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }

    private HttpResponseEvent deliver(String eventId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"invoice.created\",\"occurredAt\":\""
                + flow.clock.instant() + "\",\"data\":" + InvoiceFlowFixture.INVOICE + "}";
        HttpRequestEvent request = new HttpRequestEvent("/crm/invoices", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign("in-secret", flow.clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body,
                false);
        // As the Lambda handler does for an HTTP route: the function's 28 s, capped by API Gateway's 29 s.
        return flow.deadlines.within(Deadline.ofInvocation(flow.clock, ROUTE_TIMEOUT, true, Duration.ZERO),
                () -> pipeline.handle(request, handler));
    }
}
