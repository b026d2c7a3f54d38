package org.exactsync.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.flow.onboarding.AccountIndex;
import org.exactsync.flow.onboarding.Finding;
import org.exactsync.flow.onboarding.IndexedMatching;
import org.exactsync.flow.onboarding.OnboardingReport;
import org.exactsync.flow.onboarding.OnboardingService;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.VatNumbers;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.AccountSeeder;
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;

/**
 * Issue 17's onboarding figures ({@code -Dbench.only=onboarding}): {@code bench.onboarding.accounts} (10,000) CRM
 * relations against a division of as many accounts with 4 × 75 planted problems. Exact calls to build the index and
 * match every relation, next to today's one look-up per relation in the same run; the time to the report; the
 * report's precision and recall on the planted set; the calls for the index to follow a rename in Exact.
 */
final class OnboardingBench {

    private static final String TENANT = "onboarding-bench";
    private static final int WORKERS = 8;

    private OnboardingBench() {
    }

    static String run() throws Exception {
        int size = Integer.getInteger("bench.onboarding.accounts", 10_000);
        int perKind = Integer.getInteger("bench.onboarding.planted-per-kind", 75);
        OnboardingAdministration administration = new OnboardingAdministration(size, perKind);
        try (BenchEnvironment env = new BenchEnvironment(1.0)) {
            List<Map<String, Object>> seeded = AccountSeeder.seed(env.sandbox, BenchEnvironment.DIVISION_A,
                    administration.accounts);
            // The old strategy's 10,000 GETs would span two of Exact's days: this client's budget counts, not waits.
            ExactSettings settings = ExactSettings.defaults(env.sandbox.baseUrl(), env.sandbox.clientId(),
                    env.sandbox.clientSecret(), env.sandbox.redirectUri()).withBudget(new ExactSettings.Budget(
                            1_000_000, 1_000_000, 0, Duration.ZERO, Duration.ZERO));
            ExactOnlineClient client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(env.dynamo.client(),
                    env.table), new DynamoDbCallBudgetStore(env.dynamo.client(), env.table), env.clock,
                    env.clock.sleeper());
            ExactTarget target = env.connect(client, TENANT, BenchEnvironment.DIVISION_A);
            DynamoDbAccountIndexStore accounts = new DynamoDbAccountIndexStore(env.dynamo.client(), env.table);
            DynamoDbSeenRelationStore seen = new DynamoDbSeenRelationStore(env.dynamo.client(), env.table);
            AccountIndex index = new AccountIndex(client, accounts, new DynamoDbCursorStore(env.dynamo.client(),
                    env.table, env.clock), env.clock, Duration.ofHours(1));
            IndexedMatching matching = new IndexedMatching(index, accounts, seen, client, env.clock,
                    Duration.ofMinutes(15));
            OnboardingService service = new OnboardingService(index, accounts, seen);

            int before = env.exactCalls();
            long started = System.nanoTime();
            index.build(target);
            int buildCalls = env.exactCalls() - before;
            long[] outcomes = assessAll(matching, administration.relations);
            int matchCalls = env.exactCalls() - before - buildCalls;
            OnboardingReport report = service.report(TENANT, BenchEnvironment.DIVISION_A);
            double reportSeconds = (System.nanoTime() - started) / 1e9;

            Set<OnboardingAdministration.Planted> found = new HashSet<>();
            for (Finding finding : report.findings()) {
                found.add(new OnboardingAdministration.Planted(finding.kind().name(), finding.crmRelation(),
                        finding.accounts()));
            }
            Set<OnboardingAdministration.Planted> truePositives = new HashSet<>(found);
            truePositives.retainAll(new HashSet<>(administration.planted));
            Set<OnboardingAdministration.Planted> unexpected = new HashSet<>(found);
            unexpected.removeAll(truePositives);
            unexpected.stream().limit(5).forEach(f -> System.out.println("onboarding bench: unexpected " + f));
            double precision = found.isEmpty() ? 0 : 100.0 * truePositives.size() / found.size();
            double recall = 100.0 * truePositives.size() / administration.planted.size();

            // The index follows a rename in Exact with one incremental read of the account feed.
            Object renamed = seeded.get(seeded.size() - 1).get("ID");
            env.sandbox.inDivision(BenchEnvironment.DIVISION_A, (data, context) -> {
                env.sandbox.entitySet("crm/Accounts").orElseThrow().update(data, renamed,
                        Map.of("Name", "Hernoemd Bench"), context);
                return null;
            });
            int beforeRefresh = env.exactCalls();
            AccountIndex.Run refresh = index.refresh(target);
            int refreshCalls = env.exactCalls() - beforeRefresh;
            boolean followed = accounts.all(TENANT, BenchEnvironment.DIVISION_A)
                    .anyMatch(a -> a.id().equals(renamed.toString()) && a.value("Name").equals("Hernoemd Bench"));

            // Counted, not paced: Exact's 60 a minute would make this part take three hours.
            env.sandbox.rateLimiter().setDefaults(new RateLimits(1_000_000, 1_000_000));
            int beforeLookups = env.exactCalls();
            long lookupStarted = System.nanoTime();
            int lookups = lookupEach(client, target, administration.relations);
            int lookupCalls = env.exactCalls() - beforeLookups;
            double lookupSeconds = (System.nanoTime() - lookupStarted) / 1e9;

            StringBuilder out = new StringBuilder("| onboarding: " + String.format(Locale.ROOT, "%,d", size)
                    + " CRM relations against " + String.format(Locale.ROOT, "%,d", size) + " Exact accounts, "
                    + administration.planted.size() + " planted problems | measured |\n|---|---|\n");
            row(out, "Exact calls: build the index (account feed, 1,000 per page, + deletions feed)", buildCalls);
            row(out, "Exact calls: match every relation against the index", matchCalls);
            row(out, "Exact calls: index + match, total (goal ≤ 15)", buildCalls + matchCalls);
            row(out, "Exact calls: today's one look-up per relation, same run (" + lookups + " relations)",
                    lookupCalls);
            row(out, "matched / to be created / ambiguous", outcomes[0] + " / " + outcomes[1] + " / " + outcomes[2]);
            row(out, "time to the report (build + match + report; DynamoDB is dynalite, 8 writers)",
                    String.format(Locale.ROOT, "%.1f s", reportSeconds));
            row(out, "time for today's look-ups, no rate limit (at 60/min and 5,000/day: over two days)",
                    String.format(Locale.ROOT, "%.1f s", lookupSeconds));
            row(out, "report findings / planted / found of planted", found.size() + " / "
                    + administration.planted.size() + " / " + truePositives.size());
            row(out, "precision / recall on the planted set", String.format(Locale.ROOT, "%.1f %% / %.1f %%",
                    precision, recall));
            row(out, "index follows a rename in Exact: Exact calls (account feed + deletions feed)",
                    refreshCalls + (followed ? " (followed, " + refresh.accountsRead() + " row read)" : " (NOT followed)"));
            return out.toString();
        }
    }

    private static void row(StringBuilder out, String measure, Object value) {
        out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    /** Matches every relation against the index (0 Exact calls); answers matched, to be created, ambiguous. */
    private static long[] assessAll(IndexedMatching matching, List<RelationUpserted> relations) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<org.exactsync.flow.onboarding.IndexMatch>> results = new java.util.ArrayList<>();
            for (RelationUpserted relation : relations) {
                results.add(pool.submit(() -> matching.assess(TENANT, BenchEnvironment.DIVISION_A, relation)));
            }
            long[] outcomes = new long[3];
            for (Future<org.exactsync.flow.onboarding.IndexMatch> result : results) {
                var match = result.get();
                outcomes[match.matched() ? 0 : match.ambiguous() ? 2 : 1]++;
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Today's strategy: the relation flow's single GET per relation, all match rules OR-ed. */
    private static int lookupEach(ExactOnlineClient client, ExactTarget target, List<RelationUpserted> relations)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> results = new java.util.ArrayList<>();
            for (RelationUpserted relation : relations) {
                results.add(pool.submit(() -> {
                    List<String> rules = new java.util.ArrayList<>();
                    if (relation.vatNumber() != null) {
                        rules.add(OData.eq(AccountFieldNames.VAT_NUMBER,
                                OData.string(VatNumbers.compact(relation.vatNumber()))));
                    }
                    if (relation.chamberOfCommerce() != null) {
                        rules.add(OData.eq(AccountFieldNames.CHAMBER_OF_COMMERCE,
                                OData.string(relation.chamberOfCommerce())));
                    }
                    rules.add("(" + OData.eq(AccountFieldNames.NAME, OData.string(relation.name())) + " and "
                            + OData.eq(AccountFieldNames.POSTCODE, OData.string(relation.address().postcode()))
                            + ")");
                    try (Stream<ExactRow> rows = client.accountRecords(target, AccountFieldNames.SELECT,
                            String.join(" or ", rules))) {
                        return rows.limit(60).count();
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            return relations.size();
        } finally {
            pool.shutdownNow();
        }
    }
}
