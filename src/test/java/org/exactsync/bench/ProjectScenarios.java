package org.exactsync.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.project.ProjectCostsReader;
import org.exactsync.flow.project.ProjectCostsReport;
import org.exactsync.flow.project.ProjectDivisionSync;
import org.exactsync.flow.project.ProjectSyncHandler;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbProjectCostStore;

/**
 * Issue 6's figures: Exact calls per project create, unchanged re-send and rename (two divisions each), and per
 * read-back of the purchases (first read of a division's history, then with nothing new).
 */
final class ProjectScenarios {

    private static final int DIVISIONS = 2;

    private ProjectScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                scenario("project created (2 divisions)", (env, flow, n) -> {
                    int before = env.exactCalls();
                    int tooMany = env.tooManyRequests();
                    for (int i = 0; i < n; i++) {
                        flow.upsert(project(i, "Bench project " + i));
                    }
                    return new ScenarioResult("project created (2 divisions)", n, env.exactCalls() - before,
                            env.tooManyRequests() - tooMany, "per division: 1 GET of the candidate codes + 1 POST");
                }),
                scenario("project re-sent unchanged (2 divisions)", (env, flow, n) -> {
                    flow.upsert(project(0, "Bench project"));
                    int before = env.exactCalls();
                    int tooMany = env.tooManyRequests();
                    for (int i = 0; i < n; i++) {
                        flow.upsert(project(0, "Bench project"));
                    }
                    return new ScenarioResult("project re-sent unchanged (2 divisions)", n, env.exactCalls() - before,
                            env.tooManyRequests() - tooMany, "compared with the stored last-sent values");
                }),
                scenario("project renamed (2 divisions)", (env, flow, n) -> {
                    flow.upsert(project(0, "Bench project"));
                    int before = env.exactCalls();
                    int tooMany = env.tooManyRequests();
                    for (int i = 0; i < n; i++) {
                        flow.upsert(project(0, "Bench project renamed " + i));
                    }
                    return new ScenarioResult("project renamed (2 divisions)", n, env.exactCalls() - before,
                            env.tooManyRequests() - tooMany, "per division: 1 partial PUT of Description");
                }),
                scenario("project costs read-back (5 projects, 2 divisions)", (env, flow, n) -> {
                    for (int p = 0; p < 5; p++) {
                        flow.upsert(project(p, "Bench project " + p));
                    }
                    int before = env.exactCalls();
                    int tooMany = env.tooManyRequests();
                    int purchases = 0;
                    for (int i = 0; i < n; i++) {
                        flow.purchase(BenchEnvironment.DIVISION_A, i % 5, "100." + String.format("%02d", i));
                        flow.purchase(BenchEnvironment.DIVISION_B, i % 5, "55.00");
                        purchases += 2;
                        flow.readBack();
                    }
                    int withPurchases = env.exactCalls() - before;
                    int quietBefore = env.exactCalls();
                    ProjectCostsReport quiet = flow.readBack();
                    int quietCalls = env.exactCalls() - quietBefore;
                    return new ScenarioResult("project costs read-back (5 projects, 2 divisions)", n, withPurchases,
                            env.tooManyRequests() - tooMany, purchases + " purchases, one read-back after each pair "
                                    + "(sync/Deleted once an hour per division); a read-back with nothing new: "
                                    + quietCalls + " calls for " + DIVISIONS + " divisions, "
                                    + quiet.projectsUpdated() + " callbacks");
                }));
    }

    private static ProjectUpserted project(int i, String description) {
        return new ProjectUpserted("prj-bench-" + i, "PB-" + String.format("%04d", i), description, null, true);
    }

    /** The project handler and read-back wired by hand on the environment's client and stores. */
    private static final class Flow {
        private final ProjectSyncHandler handler;
        private final ProjectCostsReader reader;
        private final ExactOnlineClient client;
        private final ExactTarget targetA;
        private final Map<Integer, UUID> suppliers = new HashMap<>();
        private int events;

        Flow(BenchEnvironment env) {
            client = env.newClient();
            targetA = env.connect(client, "default", BenchEnvironment.DIVISION_A);
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(env.dynamo.client(), env.table,
                    env.clock);
            connections.save(new ConnectionRecord("default", targetA.connection().site(),
                    targetA.connection().exactUser(), env.sandbox.clientId(),
                    List.of(BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B),
                    List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            DynamoDbMappingStore mappings = new DynamoDbMappingStore(env.dynamo.client(), env.table, env.clock);
            handler = new ProjectSyncHandler(new ProjectDivisionSync(client, mappings, (t, k, type, d) -> { }, env.clock),
                    connections, env.clock);
            reader = new ProjectCostsReader(client, connections, mappings, new DynamoDbCursorStore(
                    env.dynamo.client(), env.table, env.clock), new DynamoDbProjectCostStore(env.dynamo.client(),
                            env.table, env.clock), (t, k, type, d) -> { }, env.clock);
            this.env = env;
            for (int division : new int[] {BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B}) {
                suppliers.put(division, client.createAccount(new ExactTarget(targetA.connection(), division),
                        AccountFields.none().name("Bench supplier").supplier(true)).id());
            }
        }

        private final BenchEnvironment env;

        void upsert(ProjectUpserted project) {
            Outcome outcome = handler.process(new AcceptedEvent<>("evt-bench-" + (++events), ProjectSyncHandler.TYPE,
                    "default", List.of(BenchEnvironment.DIVISION_A, BenchEnvironment.DIVISION_B), null, project));
            if (!(outcome instanceof Outcome.Done)) {
                throw new IllegalStateException("project sync did not finish: " + outcome);
            }
        }

        /** A purchase booked in the sandbox directly (setup, not counted as a connector call). */
        void purchase(int division, int project, String amount) {
            UUID supplier = suppliers.get(division);
            Map<String, Object> line = new HashMap<>();
            line.put("GLAccount", MasterDataSeed.id(division, "gl", "4010"));
            line.put("AmountFC", new BigDecimal(amount));
            line.put("VATCode", "2");
            line.put("CostCenter", "PB" + String.format("%04d", project));
            SandboxFinance.of(env.sandbox).bookPurchaseEntry(division, Map.of("Journal", "60", "Supplier", supplier,
                    "EntryDate", LocalDate.ofInstant(env.clock.instant(), java.time.ZoneOffset.UTC).toString(),
                    "PurchaseEntryLines", List.of(line)));
        }

        ProjectCostsReport readBack() {
            return reader.readAll();
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
