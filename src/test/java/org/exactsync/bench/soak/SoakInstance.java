package org.exactsync.bench.soak;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.flow.project.ProjectDivisionSync;
import org.exactsync.flow.project.ProjectSyncHandler;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.store.EventStore;
import org.exactsync.store.MappingStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;

/**
 * One function instance as Lambda would run it: its own Exact client (own process id for the token lease), its own
 * in-memory caches, the three flow handlers behind the real inbound pipeline, and the real event replayer, over the
 * shared DynamoDB table. With an abort rate, its mapping writes, event outcome writes and callbacks can kill it.
 */
final class SoakInstance {

    /** Store and callback steps at which an instance may die (each one is a step boundary in some flow). */
    private static final Set<String> MAPPING_STEPS = Set.of("createIfAbsent", "compareAndSwap");
    private static final Set<String> EVENT_STEPS = Set.of("complete", "markWaiting", "markFailed");
    private static final Set<String> CALLBACK_STEPS = Set.of("send");

    final InboundPipeline pipeline;
    final EventReplayer replayer;
    final Map<String, EventHandler<?>> handlersByRoute;

    SoakInstance(SoakWorld world, double abortRate, Random random, AtomicInteger aborts, AtomicInteger callbacks) {
        ExactOnlineClient client = world.newClient();
        MappingStore mappings = new DynamoDbMappingStore(world.dynamo.client(), world.table, world.clock);
        EventStore events = new DynamoDbEventStore(world.dynamo.client(), world.table, world.clock);
        Callbacks sink = (tenant, entityKey, type, data) -> callbacks.incrementAndGet();
        if (abortRate > 0) {
            mappings = WorkerAbort.around(MappingStore.class, mappings, MAPPING_STEPS, abortRate, random, aborts);
            events = WorkerAbort.around(EventStore.class, events, EVENT_STEPS, abortRate, random, aborts);
            sink = WorkerAbort.around(Callbacks.class, sink, CALLBACK_STEPS, abortRate, random, aborts);
        }
        var ledgers = new DynamoDbLedgerMappingStore(world.dynamo.client(), world.table, world.clock);
        var caches = new DynamoDbDivisionCacheStore(world.dynamo.client(), world.table, world.clock);
        RelationUpsertHandler relations = new RelationUpsertHandler(new RelationDivisionSync(client, mappings,
                new PaymentConditionCatalog(client, world.clock), sink, world.clock), world.connections,
                world.tenants);
        ProjectSyncHandler projects = new ProjectSyncHandler(new ProjectDivisionSync(client, mappings, sink, world.clock),
                world.connections, world.clock);
        InvoicePostingHandler invoices = new InvoicePostingHandler(new InvoiceBooking(client, mappings, ledgers,
                new FinanceMasterDataCache(client, caches, world.clock, JsonSettings.standalone()), sink, world.clock),
                world.connections);
        InboundLimits limits = InboundLimits.defaults();
        pipeline = new InboundPipeline(world.tenants, world.connections, events, sink, new ObjectMapper(),
                world.clock, limits);
        replayer = new EventReplayer(events, pipeline, List.of(relations, projects, invoices), world.clock,
                limits.lease(), 50);
        handlersByRoute = Map.of("/crm/relations", relations, "/crm/projects", projects, "/crm/invoices", invoices);
    }
}
