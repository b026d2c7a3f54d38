package org.exactsync.flow.journey;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.ScheduleTick;
import org.exactsync.json.JsonSettings;
import org.exactsync.schedule.InProcessWorkDispatcher;
import org.exactsync.schedule.ScheduledRounds;
import org.exactsync.store.dynamodb.DynamoDbRoundStore;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.CallbackDispatchFunction;
import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.flow.admin.AdminGuard;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.DataProtectionAdmin;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectCallback;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.flow.connect.ConnectStart;
import org.exactsync.flow.connect.ConnectionSetup;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.flow.payment.DeletedTermFeed;
import org.exactsync.flow.payment.DivisionMoves;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.OpenItemPollFunction;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.flow.payment.PaymentTermFeed;
import org.exactsync.flow.project.ProjectCostsFunction;
import org.exactsync.flow.project.ProjectCostsReader;
import org.exactsync.flow.project.ProjectDivisionSync;
import org.exactsync.flow.project.ProjectSyncHandler;
import org.exactsync.flow.reconcile.Reconciliation;
import org.exactsync.flow.reconcile.ReconciliationAdmin;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.local.LocalGatewayServer;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxVariants;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbConnectStateStore;
import org.exactsync.store.dynamodb.DynamoDbAuditTrail;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbSignedRequestLedger;
import org.exactsync.store.dynamodb.DynamoDbTenantData;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbDiscoveredDivisionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;
import org.exactsync.store.dynamodb.DynamoDbProjectCostStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The whole connector wired as the application wires it, with nothing pre-arranged: the Exact sandbox over HTTP
 * (consent not yet given), one fresh DynamoDB table (dynalite or LocalStack), the real Exact client and stores, the
 * CRM routes, connect routes and tenant admin served over HTTP by the local run's gateway, callbacks through the
 * durable outbox to a fake CRM over HTTP, and the scheduled functions (open-item poll, project costs, callback
 * dispatch) to call as their schedule would. One clock for all; Exact's minute budget waits move it, not real time.
 */
final class JourneyConnector implements AutoCloseable {

    static final String TENANT = "default";
    static final String INBOUND_SECRET = "journey-inbound-secret";
    static final String ADMIN_SECRET = "journey-admin-secret";
    static final String OUTBOUND_SECRET = "journey-outbound-secret";

    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T09:00:00Z"));
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("journey");
    final FakeCrm crm;
    final ExactSandbox sandbox;
    final LocalGatewayServer gateway;
    final ConnectLinks links;
    final DynamoDbConnectionStore connections;
    final DynamoDbMappingStore mappings;
    final OpenItemPollFunction openItemPoll;
    final ProjectCostsFunction projectCosts;
    final CallbackDispatchFunction callbackDispatch;

    /** The connector against a sandbox answering the reference's open points with {@code variants}. */
    JourneyConnector(SandboxVariants variants) throws IOException {
        crm = new FakeCrm(OUTBOUND_SECRET, clock);
        int port = LocalGatewayServer.freePort();
        String gatewayUrl = "http://127.0.0.1:" + port;
        // The app registered in Exact redirects to the connector's callback route, as in the App Center.
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(RateLimits.exactDefaults())
                .variants(variants).client("journey-client", "journey-client-secret", gatewayUrl + "/exact/callback").build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        DynamoDbTokenStore tokens = new DynamoDbTokenStore(dynamo.client(), table);
        ExactOnlineClient exact = ExactOnlineClient.create(settings, tokens,
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());

        TenantSettings tenants = new TenantSettings(List.of(new Tenant(TENANT, INBOUND_SECRET, OUTBOUND_SECRET,
                Optional.of(crm.callbackUrl()), ConflictPolicy.REPORT, List.of(), Optional.of(ADMIN_SECRET))));
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        DynamoDbDiscoveredDivisionStore discovered = new DynamoDbDiscoveredDivisionStore(dynamo.client(), table);
        DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(dynamo.client(), table, clock);
        DynamoDbCursorStore cursors = new DynamoDbCursorStore(dynamo.client(), table, clock);
        DynamoDbEventStore events = new DynamoDbEventStore(dynamo.client(), table, clock);
        // One copy of the division's finance master data, as the application has one bean for both users.
        FinanceMasterDataCache masterData = new FinanceMasterDataCache(exact,
                new DynamoDbDivisionCacheStore(dynamo.client(), table, clock), clock, JsonSettings.standalone());

        CallbackDispatcher callbacks = new CallbackDispatcher(new DynamoDbCallbackOutbox(dynamo.client(), table,
                clock), tenants, json, clock, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 50, () -> 0.5);
        callbackDispatch = new CallbackDispatchFunction(callbacks);
        InboundPipeline pipeline = new InboundPipeline(tenants, connections, events, callbacks, json, clock,
                InboundLimits.defaults());
        List<EventHandler<?>> handlers = List.of(
                new RelationUpsertHandler(new RelationDivisionSync(exact, mappings,
                        new PaymentConditionCatalog(exact, clock), callbacks, clock), connections, tenants),
                new InvoicePostingHandler(new InvoiceBooking(exact, mappings, ledgers, masterData, callbacks, clock),
                        connections),
                new ProjectSyncHandler(new ProjectDivisionSync(exact, mappings, callbacks, clock), connections, clock));

        links = new ConnectLinks(tenants, clock, gatewayUrl);
        ConnectStart start = new ConnectStart(tenants, new DynamoDbConnectStateStore(dynamo.client(), table), exact,
                clock, Duration.ofMinutes(15), Duration.ofMinutes(15), json);
        ConnectCallback callback = new ConnectCallback(new DynamoDbConnectStateStore(dynamo.client(), table), exact,
                new ConnectionSetup(exact, connections, discovered, tokens, callbacks, sandbox.clientId(),
                        connected -> { }), clock, json);
        EventReplayer replayer = new EventReplayer(events, pipeline, handlers, clock, Duration.ofMinutes(5), 50);
        TenantAdmin admin = new TenantAdmin(new AdminGuard(tenants,
                new DynamoDbSignedRequestLedger(dynamo.client(), table), new DynamoDbAuditTrail(dynamo.client(), table,
                        Duration.ofDays(400)), clock, Duration.ofSeconds(300)),
                new ConnectionAdmin(connections, discovered, tokens, links, json),
                new EventAdmin(events, replayer, json), new LedgerMappingAdmin(connections, ledgers, masterData, events,
                        clock, json),
                json, new ReconciliationAdmin(connections, new Reconciliation(exact, mappings), json),
                new DataProtectionAdmin(new DynamoDbTenantData(dynamo.client(), table, json), "/exactsync/test/",
                json));
        gateway = LocalGatewayServer.start(port, pipeline, handlers, start, callback, admin);

        OpenItemPoll poll = new OpenItemPoll(connections, cursors, new DivisionMoves(exact),
                new PaymentTermFeed(exact), new DeletedTermFeed(exact), new PaymentStatusUpdater(mappings,
                        new DynamoDbPaymentStateStore(dynamo.client(), table, clock), callbacks),
                new DynamoDbDivisionWatchStore(dynamo.client(), table), clock,
                // A sweep each minute, as the local run does (the journey has no webhooks).
                new OpenItemPoll.Timing(Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(1)));
        // The rounds fan out in process, as in the local run.
        ScheduledRounds rounds = new ScheduledRounds(new DynamoDbRoundStore(dynamo.client(), table, clock),
                new InProcessWorkDispatcher(4), clock);
        openItemPoll = new OpenItemPollFunction(poll, rounds);
        projectCosts = new ProjectCostsFunction(new ProjectCostsReader(exact, connections, mappings, cursors,
                new DynamoDbProjectCostStore(dynamo.client(), table, clock), callbacks, clock), rounds);
    }

    /** What a scheduler hands a scheduled function. */
    ScheduleTick tick() {
        return new ScheduleTick("journey-" + clock.millis(), clock.instant().toString());
    }

    @Override
    public void close() {
        gateway.close();
        sandbox.close();
        crm.close();
    }
}
