package org.exactsync.flow.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keep-alive round against the sandbox's OAuth server, with connections and tokens in DynamoDB. */
class TokenKeepAliveServiceTest {

    private final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-03-02T09:00:00Z"));
    private final TestDynamo dynamo = TestDynamo.shared();
    private final String table = dynamo.newTable("keepalive");
    private final DynamoDbTokenStore tokens = new DynamoDbTokenStore(dynamo.client(), table);
    private final DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
    private ExactSandbox sandbox;
    private ExactOnlineClient client;
    private TokenKeepAliveService service;

    @BeforeEach
    void start() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).build().start();
        client = ExactOnlineClient.create(ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), sandbox.redirectUri()), tokens,
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        service = new TokenKeepAliveService(connections, client);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void refreshesOnlyChainsIdleLongerThanTheKeepAlivePeriod() {
        connect("tenant-a");
        connect("tenant-b");

        assertThat(service.keepAliveAll().refreshed()).as("fresh chains are left alone").isZero();
        clock.advance(Duration.ofDays(8));
        KeepAliveReport report = service.keepAliveAll();

        assertThat(report.connections()).isEqualTo(2);
        assertThat(report.refreshed()).isEqualTo(2);
        assertThat(service.keepAliveAll().refreshed()).as("just refreshed").isZero();
        assertThat(sandbox.oauth().brokenChains()).isZero();
    }

    @Test
    void marksATenantWhoseChainWasSupersededAsNeedingConsent() {
        connect("tenant-a");
        TokenKey b = connect("tenant-b");
        clock.advance(Duration.ofDays(8));
        // Someone outside the connector's custody refreshes tenant-b's chain: the stored refresh token is now old.
        sandbox.oauth().token(Map.of("grant_type", "refresh_token", "client_id", sandbox.clientId(),
                "client_secret", sandbox.clientSecret(), "refresh_token", tokens.find(b).orElseThrow().refreshToken()));

        KeepAliveReport report = service.keepAliveAll();

        assertThat(report.refreshed()).isEqualTo(1);
        assertThat(report.needsConsent()).containsExactly("tenant-b");
        assertThat(connections.find("tenant-b").orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_CONSENT);
        assertThat(connections.find("tenant-a").orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(service.keepAliveAll().connections()).as("a broken connection waits for a person").isEqualTo(1);
    }

    private TokenKey connect(String tenant) {
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "s", null);
        TokenKey key = client.connect(tenant,
                URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8));
        connections.save(new ConnectionRecord(tenant, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(100001), List.of(100001), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0));
        return key;
    }
}
