package org.exactsync.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;

/** Issue 4's figures: Exact calls per booked invoice once master data is cached, and per duplicate delivery. */
final class InvoiceScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InvoiceScenarios() {
    }

    static List<Scenario> all() {
        return List.of(bookingOnceCached(), duplicateDelivery());
    }

    static Scenario bookingOnceCached() {
        String name = "invoice booked, master data cached";
        return scenario(name, (env, flow, n) -> {
            flow.book(invoice(env, "warm"), "evt-warm");
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                flow.book(invoice(env, Integer.toString(i)), "evt-" + i);
            }
            return new ScenarioResult(name, n, env.exactCalls() - before, env.tooManyRequests() - tooMany,
                    "1 POST per invoice; the first booking of a division also reads 6 master-data sets");
        });
    }

    static Scenario duplicateDelivery() {
        String name = "invoice delivered again (other event id)";
        return scenario(name, (env, flow, n) -> {
            InvoiceCreated invoice = invoice(env, "dup");
            flow.book(invoice, "evt-first");
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                flow.book(invoice, "evt-again-" + i);
            }
            return new ScenarioResult(name, n, env.exactCalls() - before, env.tooManyRequests() - tooMany,
                    "answered from the booked INVOICE mapping");
        });
    }

    private static InvoiceCreated invoice(BenchEnvironment env, String suffix) {
        LocalDate today = LocalDate.ofInstant(env.clock.instant(), ZoneOffset.UTC);
        String json = """
                {"id":"inv-bench-%s","number":"B-%s","kind":"invoice","relationId":"rel-bench","date":"%s",
                 "dueDate":"%s","currency":"EUR","description":"Bench",
                 "lines":[{"description":"Werk","revenueAccount":"8000","amount":"100.00","vatRate":"21",
                           "vatCategory":"standard","vatAmount":"21.00"}],
                 "totalExclVat":"100.00","totalVat":"21.00","totalInclVat":"121.00"}
                """.formatted(suffix, suffix, today, today.plusDays(30));
        try {
            return JSON.readValue(json, InvoiceCreated.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice handler wired by hand on the environment's client and stores, with one synced customer. */
    private static final class Flow {
        private final InvoicePostingHandler handler;

        Flow(BenchEnvironment env) {
            ExactOnlineClient client = env.newClient();
            ExactTarget target = env.connect(client, "default", BenchEnvironment.DIVISION_A);
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(env.dynamo.client(), env.table,
                    env.clock);
            connections.save(new ConnectionRecord("default", target.connection().site(),
                    target.connection().exactUser(), env.sandbox.clientId(), List.of(BenchEnvironment.DIVISION_A),
                    List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            DynamoDbMappingStore mappings = new DynamoDbMappingStore(env.dynamo.client(), env.table, env.clock);
            DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(env.dynamo.client(), env.table,
                    env.clock);
            ledgers.save("default", BenchEnvironment.DIVISION_A, LedgerMapping.dutchStandard(), 0).orElseThrow();
            ExactAccount customer = client.createAccount(target, AccountFields.none().name("Bench klant").status("C"));
            mappings.createIfAbsent(new MappingKey("default", BenchEnvironment.DIVISION_A, EntityKind.RELATION,
                    "rel-bench"), new MappingChange(customer.id().toString(), customer.code(), null, Map.of()));
            FinanceMasterDataCache cache = new FinanceMasterDataCache(client,
                    new DynamoDbDivisionCacheStore(env.dynamo.client(), env.table, env.clock), env.clock,
                    JsonSettings.standalone());
            handler = new InvoicePostingHandler(new InvoiceBooking(client, mappings, ledgers, cache,
                    (tenant, entityKey, type, data) -> { }, env.clock), connections);
        }

        void book(InvoiceCreated invoice, String eventId) {
            Outcome outcome = handler.process(new AcceptedEvent<>(eventId, InvoicePostingHandler.TYPE, "default",
                    List.of(BenchEnvironment.DIVISION_A), null, invoice));
            if (!(outcome instanceof Outcome.Done)) {
                throw new IllegalStateException("invoice not booked: " + outcome);
            }
        }
    }

    private interface Body {
        ScenarioResult run(BenchEnvironment env, Flow flow, int n) throws Exception;
    }

    private static Scenario scenario(String name, Body body) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ScenarioResult run(BenchEnvironment env, int operations) throws Exception {
                return body.run(env, new Flow(env), operations);
            }
        };
    }
}
