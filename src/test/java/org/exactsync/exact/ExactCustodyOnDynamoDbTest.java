package org.exactsync.exact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.Race;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Sleeper;
import org.junit.jupiter.api.Test;

/** Token custody and the call budget on the real DynamoDB protocol (dynalite here), several "processes" at once. */
class ExactCustodyOnDynamoDbTest {

    private static final TokenKey KEY = new TokenKey("tenant-7", "https://exact.test", "user-1");
    private final TestDynamo dynamo = TestDynamo.shared();
    private final ExactSettings settings = ExactSettings.defaults("https://exact.test", "client", "secret", "cb");

    @Test
    void eightWorkersInTwoProcessesRefreshTheChainExactlyOnce() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        AdjustableClock clock = AdjustableClock.frozenAt(t0);
        DynamoDbTokenStore store = new DynamoDbTokenStore(dynamo.client(), dynamo.newTable("custody"));
        store.saveConsented(KEY, "access-1", t0.plusSeconds(600), "refresh-1", t0);
        clock.advance(Duration.ofSeconds(598));
        // Exact's rotation: only the current refresh token works; a superseded one ends the chain.
        AtomicReference<String> currentRefresh = new AtomicReference<>("refresh-1");
        AtomicInteger refreshes = new AtomicInteger();
        FakeTransport exact = new FakeTransport().otherwise(call -> {
            Thread.sleep(30);
            synchronized (currentRefresh) {
                if (!call.body().contains("refresh_token=" + currentRefresh.get())) {
                    return FakeTransport.reply(401,
                            "{\"error\":\"unauthorized_client\",\"error_description\":\"Old refresh token used.\"}",
                            Map.of());
                }
                int n = refreshes.incrementAndGet() + 1;
                currentRefresh.set("refresh-" + n);
                return FakeTransport.reply(200, FakeTransport.tokenJson("access-" + n, "refresh-" + n, "\"600\""),
                        Map.of());
            }
        });
        List<TokenCustodian> processes = List.of(custodian(store, exact, clock), custodian(store, exact, clock));
        AtomicInteger next = new AtomicInteger();

        List<String> tokens = Race.run(8,
                () -> processes.get(next.getAndIncrement() % 2).accessToken(KEY).value());

        assertThat(tokens).containsOnly("access-2");
        assertThat(refreshes).hasValue(1);
        assertThat(store.find(KEY).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(store.find(KEY).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void workersSharingADivisionNeverTakeMoreThanTheMinuteAllows() throws Exception {
        AdjustableClock clock = AdjustableClock.running(Instant.parse("2026-03-02T10:00:50Z"), 60);
        DynamoDbCallBudgetStore store = new DynamoDbCallBudgetStore(dynamo.client(), dynamo.newTable("budget"));
        ExactSettings.Budget limits = new ExactSettings.Budget(10, 5000, 0, Duration.ofMillis(500),
                Duration.ofMillis(500));
        BudgetKey key = new BudgetKey("client", 4711);

        Race.run(8, () -> {
            CallBudget budget = new CallBudget(store, limits, clock, clock.sleeper(), Math::random);
            for (int i = 0; i < 4; i++) {
                budget.acquire(key);
            }
            return null;
        });

        List<Integer> counts = new ArrayList<>();
        Instant end = clock.instant();
        for (Instant m = Instant.parse("2026-03-02T10:00:00Z"); !m.isAfter(end); m = m.plusSeconds(60)) {
            counts.add(store.used(key, CallBudget.minuteWindow(m)));
        }
        assertThat(counts).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(10));
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(32);
    }

    private TokenCustodian custodian(DynamoDbTokenStore store, FakeTransport exact, AdjustableClock clock) {
        return new TokenCustodian(store, new TokenEndpoint(exact, settings, new ObjectMapper()), settings.tokens(),
                clock, Sleeper.system());
    }
}
