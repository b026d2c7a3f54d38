package org.exactsync.flow.relation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The relation flow wired by hand against the Exact sandbox over HTTP and DynamoDB (dynalite): the real client, the
 * real stores, a recording callback port. One tenant connected to divisions 100001 and 100002.
 */
final class RelationFlowFixture implements AutoCloseable {

    static final int DIVISION_A = 100001;
    static final int DIVISION_B = 100002;
    static final String TENANT = "default";

    final ObjectMapper json = new ObjectMapper();
    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("relation-flow");
    final ExactSandbox sandbox;
    final ExactOnlineClient client;
    final RecordingCallbacks callbacks = new RecordingCallbacks();
    final DynamoDbMappingStore mappings;
    final TokenKey connection;
    private int events;

    RelationFlowFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(RateLimits.exactDefaults())
                .build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = client.connect(TENANT, code);
        connection = key;
        new DynamoDbConnectionStore(dynamo.client(), table, clock).save(new ConnectionRecord(TENANT, key.site(),
                key.exactUser(), sandbox.clientId(), List.of(DIVISION_A, DIVISION_B), List.of(DIVISION_A),
                ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0)).orElseThrow();
    }

    /** Switches the tenant's connection to dry-run mode (before go-live). */
    void dryRun() {
        DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        ConnectionRecord live = connections.find(TENANT).orElseThrow();
        connections.save(new ConnectionRecord(live.tenant(), live.site(), live.exactUser(), live.clientId(),
                live.divisions(), live.defaultDivisions(), live.status(), SyncMode.DRY_RUN, live.createdAt(),
                live.updatedAt(), live.version())).orElseThrow();
    }

    RelationUpsertHandler handler(ConflictPolicy policy) {
        return handler(policy, client);
    }

    /** A handler whose Exact calls go through {@code exact} (e.g. a wrapper that interleaves another worker). */
    RelationUpsertHandler handler(ConflictPolicy policy, ExactOnline exact) {
        return handler(policy, exact, AccountDecision.NONE);
    }

    /** A handler that asks {@code decision} (e.g. the onboarding index) before its own look-up. */
    RelationUpsertHandler handler(ConflictPolicy policy, AccountDecision decision) {
        return handler(policy, client, decision);
    }

    private RelationUpsertHandler handler(ConflictPolicy policy, ExactOnline exact, AccountDecision decision) {
        TenantSettings tenants = new TenantSettings(List.of(new Tenant(TENANT, "in", "out", Optional.empty(), policy,
                List.of())));
        RelationDivisionSync sync = new RelationDivisionSync(exact, mappings, new PaymentConditionCatalog(exact,
                clock), callbacks, clock, decision);
        return new RelationUpsertHandler(sync, new DynamoDbConnectionStore(dynamo.client(), table, clock), tenants);
    }

    /** Validates and binds {@code data} as the pipeline does, then processes it. */
    Outcome process(RelationUpsertHandler handler, String data, Integer... divisions) {
        return process(handler, data, clock.instant(), divisions);
    }

    /** As {@link #process(RelationUpsertHandler, String, Integer...)} for a change the CRM made at {@code occurredAt}. */
    Outcome process(RelationUpsertHandler handler, String data, Instant occurredAt, Integer... divisions) {
        return handler.process(accepted(handler, data, occurredAt, divisions));
    }

    /** The event as the pipeline stores it (validated and bound), to process and then replay as it would. */
    AcceptedEvent<RelationUpserted> accepted(RelationUpsertHandler handler, String data, Instant occurredAt,
            Integer... divisions) {
        JsonNode node = parse(data);
        List<Problem> problems = handler.validate(node);
        if (!problems.isEmpty()) {
            throw new AssertionError("fixture data is invalid: " + problems);
        }
        RelationUpserted bound = json.convertValue(node, RelationUpserted.class);
        return new AcceptedEvent<>("evt-" + (++events), RelationUpsertHandler.TYPE, TENANT, List.of(divisions),
                occurredAt, bound);
    }

    JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code base} with {@code field} replaced ({@code field} may be {@code address.city}). */
    String with(String base, String field, Object value) {
        ObjectNode node = (ObjectNode) parse(base);
        ObjectNode target = node;
        String[] parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            target = (ObjectNode) target.get(parts[i]);
        }
        target.set(parts[parts.length - 1], json.valueToTree(value));
        return node.toString();
    }

    int calls(int division) {
        return sandbox.calls().totalCalls(division);
    }

    int calls(int division, String endpoint) {
        return sandbox.calls().totalCalls(division, endpoint);
    }

    long accountUpdates(int division) {
        return sandbox.changes().stream().filter(c -> c.division() == division && c.topic().equals("Accounts")
                && c.action().equals("Update")).count();
    }

    List<Map<String, Object>> accounts(int division) {
        return sandbox.rows(division, "crm/Accounts");
    }

    List<Map<String, Object>> contacts(int division) {
        return sandbox.rows(division, "crm/Contacts");
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
