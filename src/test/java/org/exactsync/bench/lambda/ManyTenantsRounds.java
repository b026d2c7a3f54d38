package org.exactsync.bench.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.ScheduleTick;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxUser;
import org.exactsync.sandbox.oauth.TokenResponse;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.CursorKey;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;

/**
 * Issue 13's "1,000 tenants × 2 divisions": every tenant connected (tokens consented in the sandbox and stored as the
 * connect flow stores them, one mapped project per division), then one scheduled round of the open-item poll and one
 * of the project-costs read-back, each started as EventBridge starts it (an asynchronous invocation of the template's
 * function) and followed until every invocation it caused has ended. Exact answers with its latency added
 * ({@link LambdaWorld#EXACT_LATENCY}); the round's time is emulated time. DynamoDB here is one local process, slower
 * than the real service, so a round that finishes in its period here does so in AWS too; one that does not may be
 * limited by the local store rather than the design, which the DynamoDB calls per round tell apart.
 */
final class ManyTenantsRounds {

    private static final int TENANTS = Integer.getInteger("bench.lambda.tenants", 1000);
    private static final int DIVISIONS_PER_TENANT = 2;
    private static final double SPEED = Double.parseDouble(System.getProperty("bench.lambda.tenants-speed", "1"));
    /**
     * The project-costs round runs faster: its period is 15 minutes, far above what the local store's stretched
     * latency adds, and 1x would spend a minute of wall time on a round that is bound by 10 workers and Exact.
     */
    private static final double PROJECT_COSTS_SPEED = Double.parseDouble(
            System.getProperty("bench.lambda.project-costs-speed", "4"));
    /** The project-costs read-back's deletion feed cursor (read at most hourly; seeded as read just now). */
    private static final String DELETED_FEED = "sync/Deleted#project-costs";

    private ManyTenantsRounds() {
    }

    /** One round's figures. */
    record Round(String function, Duration period, Duration timeout, Duration took, int invocations, int killed, int peak,
            int coldStarts, int divisionsReached, int divisions, double minCalls, double maxCalls, long dynamoCalls,
            int tooMany) {

        boolean inPeriod() {
            return killed == 0 && divisionsReached == divisions && took.compareTo(period) <= 0;
        }
    }

    static List<Round> run() throws Exception {
        long wallStart = System.nanoTime();
        ShiftingClock clock = LambdaWorld.clock(SPEED);
        List<Integer> codes = new ArrayList<>();
        List<SandboxUser> users = new ArrayList<>();
        List<Tenant> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            List<Integer> own = new ArrayList<>();
            for (int d = 1; d <= DIVISIONS_PER_TENANT; d++) {
                own.add(200_000 + t * DIVISIONS_PER_TENANT + d);
            }
            codes.addAll(own);
            String name = tenant(t);
            users.add(new SandboxUser(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
                    name + "@voorbeeld.test", "Gebruiker " + name, name + "@voorbeeld.test", own.get(0),
                    Set.copyOf(own)));
            tenants.add(new Tenant(name, "in-" + name, "out-" + name, Optional.empty(), ConflictPolicy.REPORT, own));
        }
        // The scheduled flows read no master data: the divisions are made without it (2,000 divisions stay light).
        ExactSandbox sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper())
                .divisions(LambdaWorld.divisions(codes)).users(users).seedMasterData(false).threads(32).build()
                .start();
        try (LambdaWorld world = new LambdaWorld(clock, sandbox, new TenantSettings(tenants),
                WaitMode.DEADLINE_AWARE)) {
            seed(world, users);
            List<Round> rounds = new ArrayList<>();
            rounds.add(round(world, "open-item-poll", i -> i.openItemPoll::poll, codes));
            clock.speed(PROJECT_COSTS_SPEED);
            rounds.add(round(world, "project-costs", i -> i.projectCosts::readBack, codes));
            System.out.printf(Locale.ROOT, "%d tenants x %d divisions: wall %.0f s%n", TENANTS,
                    DIVISIONS_PER_TENANT, (System.nanoTime() - wallStart) / 1e9);
            return rounds;
        }
    }

    private static String tenant(int t) {
        return String.format(Locale.ROOT, "t%04d", t);
    }

    /** Tokens, connections, one mapped project and the deletion cursor per division, written in parallel. */
    private static void seed(LambdaWorld world, List<SandboxUser> users) throws Exception {
        var client = world.dynamo.client();
        var tokens = new DynamoDbTokenStore(client, world.table);
        var connections = new DynamoDbConnectionStore(client, world.table, world.clock);
        var mappings = new DynamoDbMappingStore(client, world.table, world.clock);
        var cursors = new DynamoDbCursorStore(client, world.table, world.clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (SandboxUser user : users) {
            done.add(pool.submit(() -> {
                String tenant = user.userName().substring(0, user.userName().indexOf('@'));
                TokenResponse granted = world.sandbox.connect(user.userName());
                Instant now = world.clock.instant();
                TokenKey key = new TokenKey(tenant, world.sandbox.baseUrl(), user.userId().toString());
                tokens.saveConsented(key, granted.accessToken(), now.plusSeconds(granted.expiresInSeconds()),
                        granted.refreshToken(), now);
                List<Integer> divisions = world.tenants.tenant(tenant).orElseThrow().divisions();
                connections.save(new ConnectionRecord(tenant, key.site(), key.exactUser(),
                        world.sandbox.clientId(), divisions, divisions, ConnectionStatus.ACTIVE, SyncMode.LIVE, null,
                        null, 0)).orElseThrow();
                for (int division : divisions) {
                    mappings.createIfAbsent(new MappingKey(tenant, division, EntityKind.PROJECT, "prj-1"),
                            new MappingChange(UUID.randomUUID().toString(), "P1", null, Map.of()));
                    cursors.advance(new CursorKey(tenant, division, DELETED_FEED), 1, null);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * One scheduled start of {@code export}, followed until it and every invocation it made of any function have
     * ended (with the loop of today that is the one invocation; with a fan-out, all of its workers).
     */
    private static <O> Round round(LambdaWorld world, String export,
            Function<ConnectorInstance, Function<ScheduleTick, O>> wiring, List<Integer> codes) throws Exception {
        Map<Integer, Integer> before = new LinkedHashMap<>();
        codes.forEach(d -> before.put(d, world.sandbox.calls().totalCalls(d)));
        long dynamoBefore = world.dynamoCalls.get();
        int tooManyBefore = world.sandbox.calls().tooManyRequests(null);
        try (EmulatedFunction<ScheduleTick, O> function = world.function(export, wiring)) {
            Instant fired = world.clock.instant();
            // Lambda retries a killed asynchronous invocation twice; the round is judged on its first run.
            function.invokeAsync(new ScheduleTick(export + "-round", fired.toString()), 0).get();
            // The planner hands the round's work items to asynchronous invocations of the same function: the round
            // ends when the last of them has.
            function.awaitAsyncDone();
            Instant ended = function.lastEnded();
            int reached = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int d : codes) {
                int calls = world.sandbox.calls().totalCalls(d) - before.get(d);
                if (calls > 0) {
                    reached++;
                    min = Math.min(min, calls);
                }
                max = Math.max(max, calls);
            }
            return new Round(export, function.spec().schedule(), function.spec().timeout(),
                    Duration.between(fired, ended),
                    function.invocations.get(), function.killed.get(), function.peakConcurrency.get(),
                    function.coldStarts.get(), reached, codes.size(), reached == 0 ? 0 : min, max,
                    world.dynamoCalls.get() - dynamoBefore, world.sandbox.calls().tooManyRequests(null)
                            - tooManyBefore);
        }
    }
}
