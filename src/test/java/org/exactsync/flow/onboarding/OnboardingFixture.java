package org.exactsync.flow.onboarding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.master.AccountSeeder;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The onboarding parts wired by hand against the Exact sandbox over HTTP and DynamoDB (dynalite): the real client and
 * stores, one tenant connected to division 100001.
 */
final class OnboardingFixture implements AutoCloseable {

    static final String TENANT = "default";
    static final int DIVISION = 100001;

    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-12-01T10:00:00Z"));
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("onboarding");
    final ExactSandbox sandbox;
    final ExactOnlineClient client;
    final DynamoDbAccountIndexStore accounts;
    final DynamoDbSeenRelationStore seen;
    final DynamoDbConnectionStore connections;
    final AccountIndex index;
    final IndexedMatching matching;
    final OnboardingService service;
    final TokenKey connection;

    OnboardingFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        accounts = new DynamoDbAccountIndexStore(dynamo.client(), table);
        seen = new DynamoDbSeenRelationStore(dynamo.client(), table);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        index = new AccountIndex(client, accounts, new DynamoDbCursorStore(dynamo.client(), table, clock), clock,
                Duration.ofSeconds(20));
        matching = new IndexedMatching(index, accounts, seen, client, clock, Duration.ofMinutes(15));
        service = new OnboardingService(index, accounts, seen);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        connection = client.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, connection.site(), connection.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
    }

    ExactTarget target() {
        return new ExactTarget(connection, DIVISION);
    }

    int calls() {
        return sandbox.calls().totalCalls(null);
    }

    /** Seeds accounts {@code Code → fields}; each gets a full Dutch address unless the fields say otherwise. */
    List<Map<String, Object>> seed(List<Map<String, Object>> bodies) {
        List<Map<String, Object>> full = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("AddressLine1", "Straat 1");
            account.put("Postcode", "3512 AB");
            account.put("City", "Utrecht");
            account.put("Country", "NL");
            account.putAll(body);
            full.add(account);
        }
        return AccountSeeder.seed(sandbox, DIVISION, full);
    }

    /** Renames (or otherwise changes) an account the way a bookkeeper would, outside the connector. */
    void change(Object accountId, Map<String, Object> fields) {
        sandbox.inDivision(DIVISION, (data, context) -> {
            sandbox.entitySet("crm/Accounts").orElseThrow().update(data, accountId, fields, context);
            return null;
        });
    }

    void delete(Object accountId) {
        sandbox.inDivision(DIVISION, (data, context) -> {
            sandbox.entitySet("crm/Accounts").orElseThrow().delete(data, accountId, context);
            return null;
        });
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
