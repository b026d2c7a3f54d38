package org.exactsync.flow.invoice;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.json.JsonSettings;
import org.exactsync.validation.Problem;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingStore;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.metrics.Metrics;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.InvocationDeadline;

/**
 * The invoice flow wired by hand against the Exact sandbox over HTTP and DynamoDB (dynalite): the real client and
 * stores, a recording callback port. One tenant connected to division 100001 with the sandbox-fitting ledger mapping.
 */
final class InvoiceFlowFixture implements AutoCloseable {

    static final int DIVISION = 100001;
    static final String TENANT = "default";
    static final String INVOICE = """
            {"id":"inv-2026-0042","number":"2026-0042","kind":"invoice","creditedInvoiceId":null,
             "relationId":"rel-1001","date":"2026-11-26","dueDate":"2026-12-26","currency":"EUR",
             "description":"Consultancy november",
             "lines":[{"description":"Consultancy","revenueAccount":"8000","amount":"1000.00","vatRate":"21",
                       "vatCategory":"standard","vatAmount":"210.00","projectId":null}],
             "totalExclVat":"1000.00","totalVat":"210.00","totalInclVat":"1210.00","pdfUrl":null}
            """;

    final ObjectMapper json = new ObjectMapper();
    final AdjustableClock clock;
    /** The deadline the client reads; a test sets it around an invocation as the Lambda handler does. */
    final InvocationDeadline deadlines = new InvocationDeadline();
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("invoice-flow");
    final ExactSandbox sandbox;
    final ExactOnlineClient client;
    final RecordingCallbacks callbacks = new RecordingCallbacks();
    final DynamoDbMappingStore mappings;
    final DynamoDbLedgerMappingStore ledgers;
    final DynamoDbDivisionCacheStore caches;
    final DynamoDbConnectionStore connections;
    final TokenKey connection;
    private final AtomicInteger events = new AtomicInteger();

    InvoiceFlowFixture() {
        this(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")), RateLimits.exactDefaults(), null);
    }

    /** {@code budget} null: the client's defaults. */
    InvoiceFlowFixture(AdjustableClock clock, RateLimits limits, ExactSettings.Budget budget) {
        this.clock = clock;
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(limits).threads(16)
                .build().start();
        ExactSettings defaults = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), sandbox.redirectUri());
        ExactSettings settings = new ExactSettings(defaults.siteUrl(), defaults.clientId(), defaults.clientSecret(),
                defaults.redirectUri(), defaults.connectTimeout(), defaults.readTimeout(),
                budget == null ? defaults.budget() : budget, defaults.tokens(),
                new ExactSettings.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper(), Metrics.none(),
                deadlines, json);
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        ledgers = new DynamoDbLedgerMappingStore(dynamo.client(), table, clock);
        caches = new DynamoDbDivisionCacheStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        connection = client.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, connection.site(), connection.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
        ledgers.save(TENANT, DIVISION, LedgerMapping.dutchStandard(), 0).orElseThrow();
    }

    ExactTarget target() {
        return new ExactTarget(connection, DIVISION);
    }

    /** Switches the tenant's connection to dry-run mode. */
    void dryRun() {
        ConnectionRecord live = connections.find(TENANT).orElseThrow();
        connections.save(new ConnectionRecord(live.tenant(), live.site(), live.exactUser(), live.clientId(),
                live.divisions(), live.defaultDivisions(), live.status(), SyncMode.DRY_RUN, live.createdAt(),
                live.updatedAt(), live.version())).orElseThrow();
    }

    /** What the relation flow leaves behind: a customer in Exact and its RELATION mapping. */
    String syncRelation(String relationId, String vatNumber) {
        ExactAccount account = client.createAccount(target(), AccountFields.none().name("Klant " + relationId)
                .status("C").vatNumber(vatNumber).country("NL"));
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.RELATION, relationId),
                new MappingChange(account.id().toString(), account.code(), null, Map.of()));
        return account.id().toString();
    }

    /** What the project flow leaves behind once Exact confirmed the cost center: its GUID and code. */
    void syncProject(String projectId, String costCenter) {
        String id = client.costCenters(target()).stream().filter(c -> c.code().equals(costCenter)).findFirst()
                .map(c -> c.id().toString()).orElseThrow(() -> new AssertionError("no cost center " + costCenter));
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.PROJECT, projectId),
                new MappingChange(id, costCenter, null, Map.of()));
    }

    /** A project whose cost center the project flow has claimed but Exact has not confirmed yet. */
    void claimProject(String projectId, String costCenter) {
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.PROJECT, projectId),
                new MappingChange(null, costCenter, null, Map.of()));
    }

    InvoicePostingHandler handler() {
        return handler(client, mappings, callbacks);
    }

    /** A handler as a fresh (cold) function instance has it: empty in-memory caches. */
    InvoicePostingHandler handler(ExactOnline exact, MappingStore store, Callbacks sink) {
        FinanceMasterDataCache cache = new FinanceMasterDataCache(exact, caches, clock, JsonSettings.standalone());
        return new InvoicePostingHandler(new InvoiceBooking(exact, store, ledgers, cache, sink, clock), connections);
    }

    Outcome process(InvoicePostingHandler handler, String data) {
        return process(handler, data, "evt-" + events.incrementAndGet());
    }

    Outcome process(InvoicePostingHandler handler, String data, String eventId) {
        JsonNode node = parse(data);
        List<Problem> problems = handler.validate(node);
        if (!problems.isEmpty()) {
            throw new AssertionError("fixture data is invalid: " + problems);
        }
        InvoiceCreated bound = json.convertValue(node, InvoiceCreated.class);
        return handler.process(new AcceptedEvent<>(eventId, InvoicePostingHandler.TYPE, TENANT, List.of(),
                clock.instant(), bound));
    }

    JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code base} with top-level fields replaced. */
    String with(String base, Map<String, Object> fields) {
        ObjectNode node = (ObjectNode) parse(base);
        fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
        return node.toString();
    }

    /** An invoice of {@code lines} (each: revenueAccount, amount, vatRate, vatCategory, vatAmount, projectId). */
    String invoice(String id, String number, String kind, List<String[]> lines) {
        ObjectNode node = (ObjectNode) parse(INVOICE);
        node.put("id", id).put("number", number).put("kind", kind);
        var array = node.putArray("lines");
        BigDecimal excl = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (String[] l : lines) {
            ObjectNode line = array.addObject().put("description", "Regel").put("revenueAccount", l[0])
                    .put("amount", l[1]).put("vatRate", l[2]).put("vatCategory", l[3]).put("vatAmount", l[4]);
            line.put("projectId", l.length > 5 ? l[5] : null);
            excl = excl.add(new BigDecimal(l[1]));
            vat = vat.add(new BigDecimal(l[4]));
        }
        node.put("totalExclVat", excl.toPlainString()).put("totalVat", vat.toPlainString())
                .put("totalInclVat", excl.add(vat).toPlainString());
        return node.toString();
    }

    int calls() {
        return sandbox.calls().totalCalls(DIVISION);
    }

    int calls(String endpoint) {
        return sandbox.calls().totalCalls(DIVISION, endpoint);
    }

    List<Map<String, Object>> entries() {
        return sandbox.rows(DIVISION, "salesentry/SalesEntries");
    }

    List<Map<String, Object>> entries(String yourRef) {
        return entries().stream().filter(e -> yourRef.equals(e.get("YourRef"))).toList();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
