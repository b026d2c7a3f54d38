package org.exactsync.flow.project;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbProjectCostStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The project flow wired by hand against the Exact sandbox over HTTP and DynamoDB (dynalite): the real client, the
 * real stores, a recording callback port. One tenant connected to divisions 100001 and 100002.
 */
final class ProjectFlowFixture implements AutoCloseable {

    static final int DIVISION_A = 100001;
    static final int DIVISION_B = 100002;
    static final String TENANT = "default";
    static final String PURCHASE_JOURNAL = "60";
    /** Seeded cost GL account that requires a cost center. */
    static final String PROJECT_COSTS_GL = "4010";

    record Sent(String entityKey, String type, Object data) {
    }

    final ObjectMapper json = new ObjectMapper();
    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("project-flow");
    final ExactSandbox sandbox;
    final ExactOnlineClient client;
    final DynamoDbMappingStore mappings;
    final DynamoDbConnectionStore connections;
    final DynamoDbProjectCostStore costs;
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Callbacks callbacks = (tenant, entityKey, type, data) -> sent.add(new Sent(entityKey, type, data));
    final TokenKey connection;
    private int events;

    ProjectFlowFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(RateLimits.exactDefaults())
                .build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        costs = new DynamoDbProjectCostStore(dynamo.client(), table, clock);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        connection = client.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, connection.site(), connection.exactUser(), sandbox.clientId(),
                List.of(DIVISION_A, DIVISION_B), List.of(DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null,
                null, 0)).orElseThrow();
    }

    ProjectSyncHandler handler() {
        return handler(client);
    }

    /** A handler whose Exact calls go through {@code exact} (e.g. a wrapper that interleaves another worker). */
    ProjectSyncHandler handler(ExactOnline exact) {
        return new ProjectSyncHandler(new ProjectDivisionSync(exact, mappings, callbacks, clock), connections, clock);
    }

    ProjectCostsReader reader() {
        return new ProjectCostsReader(client, connections, mappings, new DynamoDbCursorStore(dynamo.client(), table,
                clock), costs, callbacks, clock);
    }

    void dryRun() {
        ConnectionRecord live = connections.find(TENANT).orElseThrow();
        connections.save(new ConnectionRecord(live.tenant(), live.site(), live.exactUser(), live.clientId(),
                live.divisions(), live.defaultDivisions(), live.status(), SyncMode.DRY_RUN, live.createdAt(),
                live.updatedAt(), live.version())).orElseThrow();
    }

    static String project(String id, String number, String description, boolean active) {
        return """
                {"id":"%s","number":"%s","description":"%s","relationId":"rel-1001","active":%s}
                """.formatted(id, number, description, active);
    }

    /** Validates and binds {@code data} as the pipeline does, then processes it. */
    Outcome process(ProjectSyncHandler handler, String data, Integer... divisions) {
        return process(handler, data, clock.instant(), divisions);
    }

    /** As {@link #process(ProjectSyncHandler, String, Integer...)} for a change the CRM made at {@code occurredAt}. */
    Outcome process(ProjectSyncHandler handler, String data, Instant occurredAt, Integer... divisions) {
        try {
            JsonNode node = json.readTree(data);
            List<Problem> problems = handler.validate(node);
            if (!problems.isEmpty()) {
                throw new AssertionError("fixture data is invalid: " + problems);
            }
            return handler.process(new AcceptedEvent<>("evt-" + (++events), ProjectSyncHandler.TYPE, TENANT,
                    List.of(divisions), occurredAt, json.treeToValue(node, ProjectUpserted.class)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<ProjectResult> results(Outcome outcome) {
        if (!(outcome instanceof Outcome.Done done)) {
            throw new AssertionError("expected Done but was " + outcome);
        }
        return (List<ProjectResult>) done.results();
    }

    ExactTarget target(int division) {
        return new ExactTarget(connection, division);
    }

    UUID supplier(int division, String name) {
        return client.createAccount(target(division), AccountFields.none().name(name).supplier(true)).id();
    }

    /** Books a purchase entry (or, with a negative amount, a purchase credit note) with one line on a cost center. */
    Map<String, Object> purchase(int division, UUID supplier, String costCenter, String amountExVat,
            String description) {
        Map<String, Object> line = new HashMap<>();
        line.put("GLAccount", MasterDataSeed.id(division, "gl", PROJECT_COSTS_GL));
        line.put("AmountFC", new BigDecimal(amountExVat));
        line.put("VATCode", "2");
        line.put("CostCenter", costCenter);
        line.put("Description", description);
        Map<String, Object> body = new HashMap<>();
        body.put("Journal", PURCHASE_JOURNAL);
        body.put("Supplier", supplier);
        body.put("EntryDate", LocalDate.of(2026, 11, 20).toString());
        body.put("YourRef", description);
        if (amountExVat.startsWith("-")) {
            body.put("Type", 31);
        }
        body.put("PurchaseEntryLines", List.of(line));
        return SandboxFinance.of(sandbox).bookPurchaseEntry(division, body);
    }

    List<Sent> ofType(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }

    int calls(int division) {
        return sandbox.calls().totalCalls(division);
    }

    int calls(int division, String endpoint) {
        return sandbox.calls().totalCalls(division, endpoint);
    }

    List<Map<String, Object>> costCenters(int division) {
        return sandbox.rows(division, "hrm/Costcenters");
    }

    Map<String, Object> costCenter(int division, String code) {
        return costCenters(division).stream().filter(r -> code.equals(r.get("Code"))).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
