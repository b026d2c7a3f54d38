package org.exactsync.bench.soak;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * What every soak instance shares: the Exact sandbox over HTTP (on a fast clock, with its fault injector), one
 * DynamoDB table, and one CRM tenant connected once to all divisions, each with the sandbox-fitting ledger mapping.
 * Everything else (client, caches, handlers) belongs to an instance ({@link SoakInstance}).
 */
final class SoakWorld implements AutoCloseable {

    static final String INBOUND_SECRET = "soak-inbound-secret";

    final AdjustableClock clock;
    final ExactSandbox sandbox;
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("soak");
    final List<Integer> divisions = new ArrayList<>();
    final TenantSettings tenants = new TenantSettings(List.of(new Tenant(SoakPlan.TENANT, INBOUND_SECRET,
            "soak-outbound-secret", Optional.empty(), ConflictPolicy.REPORT, List.of())));
    final DynamoDbEventStore events;
    final DynamoDbConnectionStore connections;
    final DynamoDbTokenStore tokens;
    final TokenKey connection;

    SoakWorld(SoakSettings settings) {
        clock = AdjustableClock.running(Instant.parse("2026-03-02T09:00:00Z"), settings.speed());
        List<DivisionProfile> profiles = new ArrayList<>();
        for (int i = 1; i <= settings.divisions(); i++) {
            int code = 100_000 + i;
            divisions.add(code);
            profiles.add(new DivisionProfile(code, UUID.nameUUIDFromBytes(("soak-division-" + code)
                    .getBytes(StandardCharsets.UTF_8)), "Soak divisie " + i, "EUR", "NL", "NL", 1, 0, i == 1,
                    String.format(Locale.ROOT, "NL%09dB01", code), Integer.toString(42_000_000 + i), null));
        }
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).divisions(profiles)
                .seed(settings.seed()).threads(16).build().start();
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        tokens = new DynamoDbTokenStore(dynamo.client(), table);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "soak", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        connection = newClient().connect(SoakPlan.TENANT, code);
        connections.save(new ConnectionRecord(SoakPlan.TENANT, connection.site(), connection.exactUser(),
                sandbox.clientId(), List.copyOf(divisions), List.of(divisions.get(0)), ConnectionStatus.ACTIVE,
                SyncMode.LIVE, null, null, 0)).orElseThrow();
        DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(dynamo.client(), table, clock);
        divisions.forEach(d -> ledgers.save(SoakPlan.TENANT, d, LedgerMapping.dutchStandard(), 0).orElseThrow());
    }

    /** A client as a new process has it: the production defaults (budget, retries, token lease), shared stores. */
    ExactOnlineClient newClient() {
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri());
        return ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
