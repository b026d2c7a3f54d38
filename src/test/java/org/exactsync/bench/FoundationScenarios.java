package org.exactsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.AccountQuery;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ODataQuery;

/** The foundation's code paths: connecting, loading master data, looking relations up, paging, the shared budget. */
final class FoundationScenarios {

    private FoundationScenarios() {
    }

    static List<Scenario> all() {
        return List.of(connect(), masterData(), accountLookup(), pagedRead(), sharedBudget());
    }

    /** Consent exchange + current/Me + system/Divisions: what connecting a tenant costs. */
    static Scenario connect() {
        return scenario("connect + list divisions", (env, n) -> {
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                ExactOnlineClient client = env.newClient();
                ExactTarget target = env.connect(client, "tenant-" + i, BenchEnvironment.DIVISION_A);
                client.divisions(new ExactTarget(target.connection(),
                        client.currentUser(target.connection()).currentDivision()));
            }
            return new ScenarioResult("connect + list divisions", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "token calls not counted (token endpoint has its own limit)");
        });
    }

    /** GL accounts, VAT codes, journals, payment conditions, cost centers, financial periods of one division. */
    static Scenario masterData() {
        return scenario("master data load (6 sets)", (env, n) -> {
            ExactOnlineClient client = env.newClient();
            ExactTarget target = env.connect(client, "tenant-md", BenchEnvironment.DIVISION_A);
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                client.glAccounts(target);
                client.vatCodes(target);
                client.journals(target);
                client.paymentConditions(target);
                client.costCenters(target);
                client.financialPeriods(target, 2026);
            }
            return new ScenarioResult("master data load (6 sets)", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "per division; cached by the flows");
        });
    }

    /** A relation looked up by VAT number (the flows' first match rule). */
    static Scenario accountLookup() {
        return scenario("relation lookup by VAT number", (env, n) -> {
            ExactOnlineClient client = env.newClient();
            ExactTarget target = env.connect(client, "tenant-lookup", BenchEnvironment.DIVISION_A);
            client.createAccount(target, AccountFields.none().name("Bench BV").status("C").vatNumber("NL000099998B57"));
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            for (int i = 0; i < n; i++) {
                client.findAccounts(target, AccountQuery.byVatNumber("NL000099998B57"));
            }
            return new ScenarioResult("relation lookup by VAT number", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, "");
        });
    }

    /** 1,000 relations read through __next at Exact's 60 rows per page. */
    static Scenario pagedRead() {
        return scenario("read 1,000 relations (60/page)", (env, n) -> {
            ExactOnlineClient client = env.newClient();
            ExactTarget target = env.connect(client, "tenant-paging", BenchEnvironment.DIVISION_B);
            var accounts = env.sandbox.entitySet("crm/Accounts").orElseThrow();
            env.sandbox.inDivision(BenchEnvironment.DIVISION_B, (data, context) -> {
                for (int i = 0; i < 1000; i++) {
                    accounts.create(data, new java.util.HashMap<>(java.util.Map.of("Name", "Relatie " + i,
                            "Status", "C", "City", "Paging")), context);
                }
                return null;
            });
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            int rows = 0;
            for (int i = 0; i < n; i++) {
                rows += (int) client.query(target, "crm/Accounts",
                        ODataQuery.select("ID", "Code").filter("City eq 'Paging'")).count();
            }
            return new ScenarioResult("read 1,000 relations (60/page)", n, env.exactCalls() - before,
                    env.tooManyRequests() - tooMany, rows / Math.max(n, 1) + " rows per read");
        });
    }

    /**
     * 8 workers (each its own client, as 8 Lambdas would be) on 2 divisions for 3 Exact minutes: how close the
     * shared budget gets to 60 calls per minute per division without a 429.
     */
    static Scenario sharedBudget() {
        return scenario("8 workers, 2 divisions, 3 Exact minutes", 4, (env, n) -> {
            ExactOnlineClient first = env.newClient();
            ExactTarget a = env.connect(first, "tenant-budget", BenchEnvironment.DIVISION_A);
            ExactTarget b = new ExactTarget(a.connection(), BenchEnvironment.DIVISION_B);
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            java.time.Instant end = env.clock.instant().plus(java.time.Duration.ofMinutes(3));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                ExactTarget target = w % 2 == 0 ? a : b;
                done.add(pool.submit(() -> {
                    ExactOnlineClient client = env.newClient();
                    int calls = 0;
                    while (env.clock.instant().isBefore(end)) {
                        client.journals(target);
                        calls++;
                    }
                    return calls;
                }));
            }
            int operations = 0;
            for (Future<Integer> f : done) {
                operations += f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            int peakA = env.sandbox.calls().maxCallsInAnyMinute(BenchEnvironment.DIVISION_A);
            int peakB = env.sandbox.calls().maxCallsInAnyMinute(BenchEnvironment.DIVISION_B);
            return new ScenarioResult("8 workers, 2 divisions, 3 Exact minutes", operations,
                    env.exactCalls() - before, env.tooManyRequests() - tooMany,
                    "peak calls in one minute: " + peakA + " / " + peakB + " (limit 60)");
        });
    }

    private interface Body {
        ScenarioResult run(BenchEnvironment env, int n) throws Exception;
    }

    private static Scenario scenario(String name, Body body) {
        return scenario(name, 60, body);
    }

    private static Scenario scenario(String name, double speed, Body body) {
        return new Scenario() {
            @Override
            public double speed() {
                return speed;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public ScenarioResult run(BenchEnvironment env, int operations) throws Exception {
                return body.run(env, operations);
            }
        };
    }
}
