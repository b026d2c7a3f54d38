package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of the client: eight workers in two processes, two divisions, thirty Exact minutes of calls and
 * token refreshes (one real second per Exact minute). Judged by the sandbox's own counters, not the client's.
 */
class ExactLoadAcceptanceTest {

    private static final int[] DIVISIONS = {100001, 100002};
    private static final Duration RUN = Duration.ofMinutes(30);

    @Test
    void eightWorkersThroughThirtyExactMinutesBreakNoChainAndNeverExceedTheMinuteLimit() throws Exception {
        AdjustableClock clock = AdjustableClock.running(Instant.parse("2026-03-02T08:59:20Z"), 60);
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("acceptance");
        try (ExactSandbox sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).build().start()) {
            // At 60x speed a few real milliseconds of scheduling delay are whole Exact seconds: the budget margin and
            // edge guard absorb calls in flight across a minute boundary, and a wider token safety keeps a token that
            // reached us late from being sent after Exact's end of it.
            ExactSettings defaults = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                    sandbox.clientSecret(), sandbox.redirectUri());
            ExactSettings settings = defaults
                    .withBudget(new ExactSettings.Budget(60, 5000, 2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                    .withTokens(new ExactSettings.Tokens(Duration.ofSeconds(10), defaults.tokens().leaseDuration(),
                            defaults.tokens().waitPoll(), defaults.tokens().keepAliveAfter()));
            List<ExactOnlineClient> processes = List.of(client(settings, dynamo, table, clock),
                    client(settings, dynamo, table, clock));
            String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "s", null);
            TokenKey key = processes.get(0).connect("tenant-load",
                    URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8));
            Instant end = clock.instant().plus(RUN);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();

            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ExactOnlineClient client = processes.get(i % 2);
                ExactTarget target = new ExactTarget(key, DIVISIONS[(i / 2) % 2]);
                Thread worker = new Thread(() -> {
                    while (clock.instant().isBefore(end) && failures.size() < 5) {
                        try {
                            client.query(target, "financial/Journals", ODataQuery.select("Code", "Type")).toList();
                            done.computeIfAbsent(target.division(), d -> new AtomicInteger()).incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }, "worker-" + i);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(90).toMillis());
            }
            // The sandbox records a call just after answering it: let the last answers be counted.
            Thread.sleep(200);

            for (int division : DIVISIONS) {
                System.out.printf("division %d: %d calls, max %d in a minute, %d 429s%n", division,
                        sandbox.calls().totalCalls(division), sandbox.calls().maxCallsInAnyMinute(division),
                        sandbox.calls().tooManyRequests(division));
            }
            assertThat(failures).isEmpty();
            assertThat(sandbox.oauth().brokenChains()).isZero();
            assertThat(sandbox.oauth().chains()).singleElement()
                    .satisfies(chain -> assertThat(chain.rotations()).isGreaterThanOrEqualTo(2));
            assertThat(sandbox.calls().tooManyRequests(null)).isZero();
            for (int division : DIVISIONS) {
                assertThat(sandbox.calls().maxCallsInAnyMinute(division)).isLessThanOrEqualTo(60);
                // The workers really pressed the limit (how often depends on the machine's load; on an idle
                // machine nearly every minute is full).
                assertThat(sandbox.calls().maxCallsInAnyMinute(division)).isGreaterThanOrEqualTo(40);
                assertThat(done.get(division).get()).isGreaterThan(400);
            }
        }
    }

    private static ExactOnlineClient client(ExactSettings settings, TestDynamo dynamo, String table,
            AdjustableClock clock) {
        return ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
    }
}
