package org.exactsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.TimedExactClients;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.NewCallback;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 8's "handler overhead without Exact latency": signed CRM events through the whole inbound pipeline (signature
 * over the raw bytes, envelope and data validation, the event claim and lease, the flow's handler, completion and
 * queued callbacks) on the local DynamoDB and the sandbox, one at a time on a warm instance. Each event's wall time is
 * split into the time inside DynamoDB client calls, the round trips to Exact, waits for Exact's budget, and the rest:
 * the connector's own overhead. p50 and p99 of both the wall time and the overhead are reported, with the DynamoDB and
 * Exact calls per event, because on dynalite the store's latency dwarfs everything else.
 */
final class HandlerOverhead {

    private static final String TENANT = "default";
    private static final String SECRET = "overhead-inbound-secret";
    private static final int WARM_UP = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandlerOverhead() {
    }

    /** One row per operation: name → measured figures. */
    static Map<String, String> measure(int events) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (BenchEnvironment env = new BenchEnvironment(60)) {
            Wiring w = new Wiring(env);
            w.send(w.relations, "/crm/relations", HandlerOverhead::relationEvent, 0);
            rows.put("relation re-sent unchanged", w.run(w.relations, "/crm/relations",
                    i -> relationEvent(0), events));
            rows.put("invoice booked (1 POST)", w.run(w.invoices, "/crm/invoices",
                    i -> invoiceEvent(env, "b-" + i), events));
            w.send(w.invoices, "/crm/invoices", i -> invoiceEvent(env, "dup"), 0);
            rows.put("invoice delivered again (new event id)", w.run(w.invoices, "/crm/invoices",
                    i -> invoiceEvent(env, "dup"), events));
        }
        return rows;
    }

    /** The pipeline and both flows wired on a DynamoDB client and an Exact client that report their time. */
    private static final class Wiring {
        private final BenchEnvironment env;
        private final InboundPipeline pipeline;
        private final EventHandler<?> relations;
        private final EventHandler<?> invoices;

        Wiring(BenchEnvironment env) {
            this.env = env;
            DynamoDbClient dynamo = env.dynamo.backend().newClient(IoTime.dynamoInterceptor());
            ExactSettings settings = ExactSettings.defaults(env.sandbox.baseUrl(), env.sandbox.clientId(),
                    env.sandbox.clientSecret(), env.sandbox.redirectUri());
            ExactOnlineClient client = TimedExactClients.create(settings, new DynamoDbTokenStore(dynamo, env.table),
                    new DynamoDbCallBudgetStore(dynamo, env.table), env.clock, IoTime.timed(env.clock.sleeper()),
                    IoTime::exactCall);
            ExactTarget target = env.connect(client, TENANT, BenchEnvironment.DIVISION_A);
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo, env.table, env.clock);
            connections.save(new ConnectionRecord(TENANT, target.connection().site(),
                    target.connection().exactUser(), env.sandbox.clientId(), List.of(BenchEnvironment.DIVISION_A),
                    List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            DynamoDbMappingStore mappings = new DynamoDbMappingStore(dynamo, env.table, env.clock);
            DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(dynamo, env.table, env.clock);
            ledgers.save(TENANT, BenchEnvironment.DIVISION_A, LedgerMapping.dutchStandard(), 0).orElseThrow();
            DynamoDbCallbackOutbox outbox = new DynamoDbCallbackOutbox(dynamo, env.table, env.clock);
            // Callbacks are stored durably as in production; their delivery to the CRM is a separate HTTP call that
            // is not part of handling the event, so it is left out here.
            Callbacks callbacks = (tenant, entityKey, type, data) -> outbox.enqueue(new NewCallback(tenant,
                    entityKey, "cb-" + UUID.randomUUID(), type, json(data), env.clock.instant(),
                    env.clock.instant().plus(Duration.ofDays(7))));
            TenantSettings tenants = new TenantSettings(List.of(new Tenant(TENANT, SECRET, "overhead-out",
                    Optional.empty(), ConflictPolicy.REPORT, List.of(BenchEnvironment.DIVISION_A))));
            relations = new RelationUpsertHandler(new RelationDivisionSync(client, mappings,
                    new PaymentConditionCatalog(client, env.clock), callbacks, env.clock), connections, tenants);
            invoices = new InvoicePostingHandler(new InvoiceBooking(client, mappings, ledgers,
                    new FinanceMasterDataCache(client, new DynamoDbDivisionCacheStore(dynamo, env.table, env.clock),
                            env.clock, JsonSettings.standalone()), callbacks, env.clock), connections);
            pipeline = new InboundPipeline(tenants, connections, new DynamoDbEventStore(dynamo, env.table,
                    env.clock), callbacks, JSON, env.clock, InboundLimits.defaults());
        }

        /** Warms up, then measures {@code events} events; every answer must be 200. */
        String run(EventHandler<?> handler, String route, IntFunction<String> data, int events) {
            for (int i = 0; i < WARM_UP; i++) {
                send(handler, route, data, -1 - i);
            }
            long[] wall = new long[events];
            long[] own = new long[events];
            long dynamoCalls = 0;
            long exactCalls = 0;
            for (int i = 0; i < events; i++) {
                IoTime.reset();
                long started = System.nanoTime();
                send(handler, route, data, i);
                wall[i] = System.nanoTime() - started;
                IoTime.Spent spent = IoTime.spent();
                own[i] = wall[i] - spent.outsideNanos();
                dynamoCalls += spent.dynamoCalls();
                exactCalls += spent.exactCalls();
            }
            return String.format(Locale.ROOT, "%d events | %s / %s | %s / %s | %.1f | %.2f", events,
                    micros(wall, 50), micros(wall, 99), micros(own, 50), micros(own, 99),
                    (double) dynamoCalls / events, (double) exactCalls / events);
        }

        void send(EventHandler<?> handler, String route, IntFunction<String> data, int i) {
            String body = "{\"eventId\":\"evt-ovh-" + UUID.randomUUID() + "\",\"type\":\"" + handler.type()
                    + "\",\"occurredAt\":\"" + env.clock.instant() + "\",\"tenant\":\"" + TENANT
                    + "\",\"divisions\":[" + BenchEnvironment.DIVISION_A + "],\"data\":" + data.apply(i) + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequestEvent request = new HttpRequestEvent(route, null,
                    Map.of(CrmSignature.HEADER, CrmSignature.sign(SECRET, env.clock.instant(), bytes)),
                    Base64.getEncoder().encodeToString(bytes), true);
            HttpResponseEvent answer = pipeline.handle(request, handler);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(handler.type() + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }
    }

    private static String micros(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format(Locale.ROOT, "%,d µs", sorted[Math.max(0, index)] / 1_000);
    }

    private static String relationEvent(int i) {
        return """
                {"id":"rel-ovh","roles":["customer"],"name":"Overhead B.V.",
                 "address":{"line1":"Meetstraat 1","postcode":"3512 AB","city":"Utrecht","country":"NL"},
                 "vatNumber":"NL800000001B01","chamberOfCommerce":"80000001","paymentTermDays":30,
                 "contacts":[{"id":"con-1","firstName":"Anna","lastName":"Meet","main":true}]}""";
    }

    private static String invoiceEvent(BenchEnvironment env, String suffix) {
        LocalDate today = LocalDate.ofInstant(env.clock.instant(), ZoneOffset.UTC);
        return """
                {"id":"inv-ovh-%s","number":"OVH-%s","kind":"invoice","relationId":"rel-ovh","date":"%s",
                 "dueDate":"%s","currency":"EUR","description":"Overhead",
                 "lines":[{"description":"Werk","revenueAccount":"8000","amount":"100.00","vatRate":"21",
                           "vatCategory":"standard","vatAmount":"21.00"}],
                 "totalExclVat":"100.00","totalVat":"21.00","totalInclVat":"121.00"}"""
                .formatted(suffix, suffix, today, today.plusDays(30));
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
