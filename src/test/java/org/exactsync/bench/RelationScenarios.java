package org.exactsync.bench;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.relation.PaymentConditionCatalog;
import org.exactsync.flow.relation.RelationDivisionSync;
import org.exactsync.flow.relation.RelationUpsertHandler;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;

/** Issue 3's figures: a relation's first sync, an unchanged re-send and a one-field change, per division. */
final class RelationScenarios {

    private static final int CONTACTS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelationScenarios() {
    }

    static List<Scenario> all() {
        return List.of(firstSync(), unchangedResend(), oneFieldChanged());
    }

    /** New relations with 2 contacts into two divisions; the bound is n + 3 calls per division. */
    static Scenario firstSync() {
        return scenario("relation first sync (2 contacts, 2 divisions)", (env, flow, n) -> {
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            int worst = 0;
            for (int i = 0; i < n; i++) {
                int a = divisionCalls(env, BenchEnvironment.DIVISION_A);
                int b = divisionCalls(env, BenchEnvironment.DIVISION_B);
                flow.upsert(relation(i, "Utrecht"));
                worst = Math.max(worst, Math.max(divisionCalls(env, BenchEnvironment.DIVISION_A) - a,
                        divisionCalls(env, BenchEnvironment.DIVISION_B) - b));
            }
            return new ScenarioResult("relation first sync (2 contacts, 2 divisions)", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "per division at most " + worst + " relation calls (bound n + 3 = "
                            + (CONTACTS + 3) + "); payment conditions read once per division and instance");
        });
    }

    static Scenario unchangedResend() {
        return scenario("relation re-sent unchanged (2 divisions)", (env, flow, n) -> {
            flow.upsert(relation(0, "Utrecht"));
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                flow.upsert(relation(0, "Utrecht"));
            }
            return new ScenarioResult("relation re-sent unchanged (2 divisions)", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "compared with the stored last-sent values; Exact not read");
        });
    }

    static Scenario oneFieldChanged() {
        return scenario("relation with one field changed (2 divisions)", (env, flow, n) -> {
            flow.upsert(relation(0, "Utrecht"));
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                flow.upsert(relation(0, "City " + i));
            }
            return new ScenarioResult("relation with one field changed (2 divisions)", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "per division: 1 GET (conflict check) + 1 PUT of the field");
        });
    }

    private static int divisionCalls(BenchEnvironment env, int division) {
        return env.sandbox.calls().totalCalls(division, "crm/Accounts")
                + env.sandbox.calls().totalCalls(division, "crm/Contacts");
    }

    private static RelationUpserted relation(int i, String city) {
        String vat = String.format("NL%09dB01", 100000 + i);
        String kvk = String.format("%08d", 50000000 + i);
        String json = """
                {"id":"rel-bench-%d","roles":["customer"],"name":"Bench %d B.V.",
                 "address":{"line1":"Benchstraat %d","postcode":"3512 AB","city":"%s","country":"NL"},
                 "vatNumber":"%s","chamberOfCommerce":"%s","paymentTermDays":30,
                 "contacts":[{"id":"con-1","firstName":"Anna","lastName":"Bench","main":true},
                             {"id":"con-2","lastName":"Tweede"}]}
                """.formatted(i, i, i, city, vat, kvk);
        try {
            return JSON.readValue(json, RelationUpserted.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relation handler wired by hand on the environment's client and stores. */
    private static final class Flow {
        private final RelationUpsertHandler handler;
        private int events;

        Flow(BenchEnvironment env) {
            ExactOnlineClient client = env.newClient();
            ExactTarget target = env.connect(client, "default", BenchEnvironment.DIVISION_A);
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(env.dynamo.client(), env.table,
                    env.clock);
            connections.save(new ConnectionRecord("default", target.connection().site(),
                    target.connection().exactUser(), env.sandbox.clientId(),
                    List.of(BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B),
                    List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            RelationDivisionSync sync = new RelationDivisionSync(client, new DynamoDbMappingStore(env.dynamo.client(),
                    env.table, env.clock), new PaymentConditionCatalog(client, env.clock),
                    (tenant, entityKey, type, data) -> { }, env.clock);
            handler = new RelationUpsertHandler(sync, connections, new TenantSettings(List.of(new Tenant("default",
                    "in", "out", Optional.empty(), ConflictPolicy.REPORT, List.of()))));
        }

        void upsert(RelationUpserted relation) {
            Outcome outcome = handler.process(new AcceptedEvent<>("evt-bench-" + (++events),
                    RelationUpsertHandler.TYPE, "default",
                    List.of(BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B), null, relation));
            if (!(outcome instanceof Outcome.Done)) {
                throw new IllegalStateException("relation sync did not finish: " + outcome);
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
