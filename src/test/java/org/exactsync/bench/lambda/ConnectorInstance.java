package org.exactsync.bench.lambda;

import java.time.Duration;
import java.util.List;

import org.exactsync.crm.callback.CallbackDispatcher;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.EventReplayFunction;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingFunction;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.flow.payment.DeletedTermFeed;
import org.exactsync.flow.payment.DivisionMoves;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.OpenItemPollFunction;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.flow.payment.PaymentTermFeed;
import org.exactsync.flow.project.ProjectCostsFunction;
import org.exactsync.flow.project.ProjectCostsReader;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertFunction;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.schedule.ScheduledRounds;
import org.exactsync.schedule.WorkDispatcher;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;
import org.exactsync.store.dynamodb.DynamoDbProjectCostStore;
import org.exactsync.store.dynamodb.DynamoDbRoundStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One execution environment's application, wired as the CDI container wires it in the packaged function: its own
 * DynamoDB and Exact clients behind its guard, its own in-memory caches, and the {@code @Funq} classes the template's
 * exports name, so an invocation enters the connector exactly where Funqy hands it the decoded event. (Funqy's JSON
 * decoding and Quarkus' boot are what the init time stands for.)
 */
final class ConnectorInstance {

    final RelationUpsertFunction relations;
    final InvoicePostingFunction invoices;
    final EventReplayFunction replay;
    final OpenItemPollFunction openItemPoll;
    final ProjectCostsFunction projectCosts;

    /** The replayer's bound on lanes in flight ({@code connector.fanout.replay-lanes}'s default). */
    static final int REPLAY_LANES = 20;

    /**
     * @param dispatcher the fan-out of this instance's function: asynchronous invocations of the same emulated
     *                   function, as {@code LambdaWorkDispatcher} makes them in AWS
     */
    ConnectorInstance(LambdaWorld world, InstanceGuard guard, WorkDispatcher dispatcher) {
        DynamoDbClient dynamo = world.dynamoFor(guard);
        ExactOnlineClient exact = world.exactFor(guard, dynamo);
        var clock = world.clock;
        String table = world.table;
        var connections = new DynamoDbConnectionStore(dynamo, table, clock);
        var mappings = new DynamoDbMappingStore(dynamo, table, clock);
        var events = new DynamoDbEventStore(dynamo, table, clock);
        var cursors = new DynamoDbCursorStore(dynamo, table, clock);
        // No tenant here has a callback URL: callbacks are stored in the outbox, as in production, and not sent.
        var callbacks = new CallbackDispatcher(new DynamoDbCallbackOutbox(dynamo, table, clock), world.tenants,
                world.json, clock, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 50, () -> 0.5);
        RelationUpsertHandler relationHandler = new RelationUpsertHandler(new RelationDivisionSync(exact, mappings,
                new PaymentConditionCatalog(exact, clock), callbacks, clock), connections, world.tenants);
        InvoicePostingHandler invoiceHandler = new InvoicePostingHandler(new InvoiceBooking(exact, mappings,
                new DynamoDbLedgerMappingStore(dynamo, table, clock), new FinanceMasterDataCache(exact,
                        new DynamoDbDivisionCacheStore(dynamo, table, clock), clock, JsonSettings.standalone()),
                        callbacks,
                        clock),
                connections);
        InboundLimits limits = InboundLimits.defaults();
        InboundPipeline pipeline = new InboundPipeline(world.tenants, connections, events, callbacks, world.json,
                clock, limits);
        List<EventHandler<?>> handlers = List.of(relationHandler, invoiceHandler);
        relations = new RelationUpsertFunction(pipeline, relationHandler);
        invoices = new InvoicePostingFunction(pipeline, invoiceHandler);
        replay = new EventReplayFunction(new EventReplayer(events, pipeline, handlers, clock, limits.lease(), 100,
                world.deadlines, EventReplayer.START_MARGIN), dispatcher, clock, REPLAY_LANES);
        ScheduledRounds rounds = new ScheduledRounds(new DynamoDbRoundStore(dynamo, table, clock), dispatcher, clock);
        openItemPoll = new OpenItemPollFunction(new OpenItemPoll(connections, cursors, new DivisionMoves(exact),
                new PaymentTermFeed(exact), new DeletedTermFeed(exact), new PaymentStatusUpdater(mappings,
                        new DynamoDbPaymentStateStore(dynamo, table, clock), callbacks),
                new DynamoDbDivisionWatchStore(dynamo, table), clock, OpenItemPoll.Timing.defaults()), rounds);
        projectCosts = new ProjectCostsFunction(new ProjectCostsReader(exact, connections, mappings, cursors,
                new DynamoDbProjectCostStore(dynamo, table, clock), callbacks, clock), rounds);
    }
}
