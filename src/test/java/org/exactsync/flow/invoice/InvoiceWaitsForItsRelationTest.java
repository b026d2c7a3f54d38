package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.exactsync.store.EventStatus;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ordering through the real pipeline and event replayer: an invoice for a relation not yet synced is answered 202 and
 * books by itself, without a new delivery, once the relation flow has synced the relation.
 */
class InvoiceWaitsForItsRelationTest {

    private static final InboundLimits LIMITS = InboundLimits.defaults();

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void anInvoiceWaitingForItsRelationCompletesByItselfOnceTheRelationIsSynced() {
        DynamoDbEventStore events = new DynamoDbEventStore(flow.dynamo.client(), flow.table, flow.clock);
        TenantSettings tenants = new TenantSettings(List.of(new Tenant(InvoiceFlowFixture.TENANT, "in-secret", "out",
                Optional.empty(), ConflictPolicy.REPORT, List.of())));
        InboundPipeline pipeline = new InboundPipeline(tenants, flow.connections, events, flow.callbacks,
                new ObjectMapper(), flow.clock, LIMITS);
        InvoicePostingHandler handler = flow.handler();
        EventReplayer replayer = new EventReplayer(events, pipeline, List.of(handler), flow.clock, LIMITS.lease(), 50);
        String body = "{\"eventId\":\"evt-order-1\",\"type\":\"invoice.created\",\"occurredAt\":\""
                + flow.clock.instant() + "\",\"data\":" + InvoiceFlowFixture.INVOICE + "}";

        HttpResponseEvent first = pipeline.handle(new HttpRequestEvent("/crm/invoices", null,
                Map.of(CrmSignature.HEADER, CrmSignature.sign("in-secret", flow.clock.instant(),
                        body.getBytes(StandardCharsets.UTF_8))), body, false), handler);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("relation rel-1001");
        assertThat(flow.entries()).isEmpty();
        flow.syncRelation("rel-1001", "NL123456789B01");
        flow.clock.advance(LIMITS.waitingRetry());

        assertThat(replayer.replayDue().done()).isEqualTo(1);

        assertThat(flow.entries("2026-0042")).hasSize(1);
        assertThat(events.find(InvoiceFlowFixture.TENANT, "evt-order-1").orElseThrow().status())
                .isEqualTo(EventStatus.DONE);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).hasSize(1);
    }
}
