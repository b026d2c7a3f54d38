package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.DIVISION;
import static org.exactsync.flow.invoice.InvoiceFlowFixture.TENANT;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.admin.LedgerMappingBody;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gap in the connector's ledger mapping is the operator's to fix, not the CRM's: the invoice is answered 202
 * naming the field, the CRM hears it once through {@code sync.failed} (retryable), and the invoice books by itself,
 * exactly once, when the division's mapping is replaced through the admin. Real pipeline, replayer, admin, sandbox.
 */
class InvoiceWaitsForItsLedgerMappingTest {

    private static final InboundLimits LIMITS = InboundLimits.defaults();

    private final InvoiceFlowFixture flow = new InvoiceFlowFixture();
    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbEventStore events = new DynamoDbEventStore(flow.dynamo.client(), flow.table, flow.clock);
    private final InboundPipeline pipeline = new InboundPipeline(new TenantSettings(List.of(new Tenant(TENANT,
            "in-secret", "out", Optional.empty(), ConflictPolicy.REPORT, List.of()))), flow.connections, events,
            flow.callbacks, json, flow.clock, LIMITS);
    private final InvoicePostingHandler handler = flow.handler();
    private final EventReplayer replayer = new EventReplayer(events, pipeline, List.of(handler), flow.clock,
            LIMITS.lease(), 50);
    private final LedgerMappingAdmin admin = new LedgerMappingAdmin(flow.connections, flow.ledgers,
            new FinanceMasterDataCache(flow.client, flow.caches, flow.clock, JsonSettings.standalone()), events,
            flow.clock, json);

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void anUnmappedRevenueAccountWaitsNamingTheFieldAndBooksOnceTheMappingIsFixed() throws Exception {
        flow.syncRelation("rel-1001", "NL123456789B01");
        String invoice = flow.invoice("inv-gap", "2026-0050", "invoice", List.<String[]>of(
                new String[] {"9100", "400.00", "21", "standard", "84.00"}));

        HttpResponseEvent first = deliver("evt-gap", invoice);

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode answer = json.readTree(first.body());
        assertThat(answer.get("state").asText()).isEqualTo("waiting");
        assertThat(answer.get("retryable").asBoolean()).isTrue();
        String reason = answer.get("reason").asText();
        assertThat(reason).startsWith("ledger mapping of division " + DIVISION)
                .contains("data.lines[0].revenueAccount").contains("revenue account 9100");
        assertThat(flow.callbacks.ofType("sync.failed")).singleElement().satisfies(sent -> assertThat(sent.data())
                .isEqualTo(new SyncFailed("evt-gap", "invoice:inv-gap", reason, true)));
        EventRecord waiting = events.find(TENANT, "evt-gap").orElseThrow();
        assertThat(waiting.status()).isEqualTo(EventStatus.WAITING);
        assertThat(waiting.retryAt()).isEqualTo(flow.clock.instant().plus(InboundPipeline.CONFIGURATION_GAP_RETRY));

        // Not fixed yet: the long retry comes, finds the same gap, and does not tell the CRM again.
        assertThat(replayer.replayDue().resumed()).as("before the long retry").isZero();
        flow.clock.advance(InboundPipeline.CONFIGURATION_GAP_RETRY);
        assertThat(replayer.replayDue().done()).isZero();
        assertThat(flow.callbacks.ofType("sync.failed")).hasSize(1);
        assertThat(flow.entries("2026-0050")).isEmpty();

        HttpResponseEvent fixed = admin.replace(TENANT, String.valueOf(DIVISION), withRevenueAccount("9100", "8000"));
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(events.find(TENANT, "evt-gap").orElseThrow().retryAt()).as("due at once")
                .isEqualTo(flow.clock.instant());

        assertThat(replayer.replayDue().done()).isEqualTo(1);
        assertThat(replayer.replayDue().resumed()).as("nothing left to do").isZero();

        assertThat(flow.entries("2026-0050")).hasSize(1);
        assertThat(events.find(TENANT, "evt-gap").orElseThrow().status()).isEqualTo(EventStatus.DONE);
        assertThat(flow.callbacks.ofType(InvoiceBooked.TYPE)).singleElement().satisfies(sent -> {
            InvoiceBooked booked = (InvoiceBooked) sent.data();
            assertThat(booked.invoiceId()).isEqualTo("inv-gap");
            assertThat(booked.glAccounts()).containsExactly("8000");
        });
        assertThat(flow.callbacks.ofType("sync.failed")).hasSize(1);
    }

    @Test
    void aReplacedMappingLeavesEventsWaitingForSomethingElseOnTheirSchedule() {
        HttpResponseEvent first = deliver("evt-relation", InvoiceFlowFixture.INVOICE);
        assertThat(first.body()).contains("relation rel-1001");
        EventRecord before = events.find(TENANT, "evt-relation").orElseThrow();

        admin.replace(TENANT, String.valueOf(DIVISION), withRevenueAccount("9100", "8000"));

        assertThat(events.find(TENANT, "evt-relation").orElseThrow().retryAt()).isEqualTo(before.retryAt());
    }

    @Test
    void anInvoiceNeedingTheDefaultPaymentConditionWaitsForItAndBooksOnceItIsSet() throws Exception {
        // A division without a default condition of its own, where Exact refuses an entry without one (§4.3).
        MasterDataSeed.defaultPaymentCondition(flow.sandbox.division(DIVISION), null);
        LedgerMappingRecord stored = flow.ledgers.find(TENANT, DIVISION).orElseThrow();
        LedgerMapping standard = stored.mapping();
        admin.replace(TENANT, String.valueOf(DIVISION), new LedgerMappingBody(standard.salesJournal(),
                standard.revenueAccounts(), standard.vatCodes(), null, null, stored.version()));
        flow.syncRelation("rel-1001", "NL123456789B01");
        Map<String, Object> noDueDate = new HashMap<>();
        noDueDate.put("dueDate", null);
        noDueDate.put("number", "2026-0060");

        HttpResponseEvent first = deliver("evt-term", flow.with(InvoiceFlowFixture.INVOICE, noDueDate));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json.readTree(first.body()).get("reason").asText()).startsWith("ledger mapping of division "
                + DIVISION).contains("data.dueDate").contains("(defaultPaymentCondition)");
        assertThat(flow.calls("salesentry/SalesEntries")).as("nothing posted").isZero();

        LedgerMappingRecord current = flow.ledgers.find(TENANT, DIVISION).orElseThrow();
        HttpResponseEvent fixed = admin.replace(TENANT, String.valueOf(DIVISION), new LedgerMappingBody(
                standard.salesJournal(), standard.revenueAccounts(), standard.vatCodes(), null, "30",
                current.version()));
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(replayer.replayDue().done()).isEqualTo(1);

        assertThat(flow.entries("2026-0060")).singleElement()
                .satisfies(entry -> assertThat(entry.get("PaymentCondition")).isEqualTo("30"));
        assertThat(events.find(TENANT, "evt-term").orElseThrow().status()).isEqualTo(EventStatus.DONE);
    }

    private LedgerMappingBody withRevenueAccount(String revenueAccount, String glAccount) {
        LedgerMappingRecord stored = flow.ledgers.find(TENANT, DIVISION).orElseThrow();
        LedgerMapping mapping = stored.mapping();
        Map<String, String> accounts = new HashMap<>(mapping.revenueAccounts());
        accounts.put(revenueAccount, glAccount);
        return new LedgerMappingBody(mapping.salesJournal(), accounts, mapping.vatCodes(),
                mapping.defaultRevenueAccount(), mapping.defaultPaymentCondition(), stored.version());
    }

    private HttpResponseEvent deliver(String eventId, String data) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"invoice.created\",\"occurredAt\":\""
                + flow.clock.instant() + "\",\"data\":" + data + "}";
        return pipeline.handle(new HttpRequestEvent("/crm/invoices", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign("in-secret", flow.clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body,
                false), handler);
    }
}
