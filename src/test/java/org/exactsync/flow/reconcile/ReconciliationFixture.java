package org.exactsync.flow.reconcile;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The sandbox over HTTP, DynamoDB (dynalite), the real client and the real invoice flow to book with; relations as
 * the relation flow leaves them (an account and a RELATION mapping with the values sent). Changes "by a bookkeeper"
 * are made through Exact's API, as a bookkeeper's screen would.
 */
final class ReconciliationFixture implements AutoCloseable {

    static final int DIVISION = 100001;
    static final String TENANT = "default";

    final ObjectMapper json = new ObjectMapper();
    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-27T10:00:00Z"));
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("reconcile");
    final ExactSandbox sandbox;
    final ExactOnlineClient client;
    final DynamoDbMappingStore mappings;
    final DynamoDbConnectionStore connections;
    final TokenKey connection;
    private final InvoicePostingHandler invoices;
    private final AtomicInteger events = new AtomicInteger();

    ReconciliationFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(RateLimits.exactDefaults())
                .build().start();
        ExactSettings defaults = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), sandbox.redirectUri());
        ExactSettings settings = new ExactSettings(defaults.siteUrl(), defaults.clientId(), defaults.clientSecret(),
                defaults.redirectUri(), defaults.connectTimeout(), defaults.readTimeout(), defaults.budget(),
                defaults.tokens(), new ExactSettings.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(dynamo.client(), table, clock);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        connection = client.connect(TENANT, code);
        connections.save(new ConnectionRecord(TENANT, connection.site(), connection.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
        ledgers.save(TENANT, DIVISION, LedgerMapping.dutchStandard(), 0).orElseThrow();
        FinanceMasterDataCache cache = new FinanceMasterDataCache(client,
                new DynamoDbDivisionCacheStore(dynamo.client(), table, clock), clock, JsonSettings.standalone());
        invoices = new InvoicePostingHandler(new InvoiceBooking(client, mappings, ledgers, cache,
                (tenant, key, type, data) -> { }, clock), connections);
    }

    ExactTarget target() {
        return new ExactTarget(connection, DIVISION);
    }

    Reconciliation reconciliation() {
        return new Reconciliation(client, mappings);
    }

    ReconciliationAdmin admin() {
        return new ReconciliationAdmin(connections, reconciliation(), json);
    }

    /** A customer in Exact and its RELATION mapping holding the values sent, as the relation flow leaves them. */
    String syncRelation(String relationId, String city) {
        ExactAccount account = client.createAccount(target(), AccountFields.none().name("Klant " + relationId)
                .status("C").city(city).country("NL"));
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Name", "Klant " + relationId);
        sent.put("Status", "C");
        sent.put("City", city);
        sent.put("Country", "NL");
        sent.put("Email", "");
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.RELATION, relationId),
                new MappingChange(account.id().toString(), account.code(), null, sent));
        return account.id().toString();
    }

    /** Books an invoice of one 8000 line (amount, 21 % VAT) dated {@code date} through the invoice flow. */
    String book(String invoiceId, String relationId, String date, String amount, String vat) {
        ObjectNode node = json.createObjectNode();
        node.put("id", invoiceId).put("number", "N-" + invoiceId).put("kind", "invoice").putNull("creditedInvoiceId")
                .put("relationId", relationId).put("date", date).putNull("dueDate").put("currency", "EUR")
                .put("description", "Diensten").putNull("pdfUrl");
        node.putArray("lines").addObject().put("description", "Regel").put("revenueAccount", "8000")
                .put("amount", amount).put("vatRate", "21").put("vatCategory", "standard").put("vatAmount", vat)
                .putNull("projectId");
        BigDecimal excl = new BigDecimal(amount);
        BigDecimal tax = new BigDecimal(vat);
        node.put("totalExclVat", amount).put("totalVat", vat).put("totalInclVat", excl.add(tax).toPlainString());
        if (!invoices.validate(node).isEmpty()) {
            throw new AssertionError("fixture invoice is invalid: " + invoices.validate(node));
        }
        Outcome outcome = invoices.process(new AcceptedEvent<>("evt-" + events.incrementAndGet(),
                InvoicePostingHandler.TYPE, TENANT, List.of(), clock.instant(),
                json.convertValue(node, InvoiceCreated.class)));
        if (!(outcome instanceof Outcome.Done)) {
            throw new AssertionError("booking " + invoiceId + " did not finish: " + outcome);
        }
        return mappings.find(new MappingKey(TENANT, DIVISION, EntityKind.INVOICE, invoiceId)).orElseThrow().exactId();
    }

    /** The ID of the entry's first line, read from Exact. */
    UUID firstLine(String entryId) {
        try (Stream<ExactRow> rows = client.query(target(), "salesentry/SalesEntryLines", ODataQuery
                .select("ID", "EntryID").filter(OData.eq("EntryID", OData.guid(UUID.fromString(entryId)))))) {
            return rows.findFirst().orElseThrow().uuid("ID");
        }
    }

    void changeLine(String entryId, ExactFields changes) {
        client.update(target(), "salesentry/SalesEntryLines", OData.guid(firstLine(entryId)), changes);
    }

    void changeEntry(String entryId, ExactFields changes) {
        client.update(target(), "salesentry/SalesEntries", OData.guid(UUID.fromString(entryId)), changes);
    }

    void deleteEntry(String entryId) {
        client.delete(target(), "salesentry/SalesEntries", OData.guid(UUID.fromString(entryId)));
    }

    int calls() {
        return sandbox.calls().totalCalls(DIVISION);
    }

    JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
