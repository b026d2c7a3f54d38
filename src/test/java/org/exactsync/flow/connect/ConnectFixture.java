package org.exactsync.flow.connect;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.dynamodb.DynamoDbConnectStateStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDiscoveredDivisionStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.testsupport.RecordingMetrics;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

/**
 * The connect flow wired by hand: the Exact sandbox over HTTP, the real client (counting into a recording metrics
 * port), DynamoDB (dynalite) stores. Tenants {@code acme} and {@code other}, each with its own inbound secret.
 */
public final class ConnectFixture implements AutoCloseable {

    public static final String TENANT = "acme";
    public static final String SECRET = "acme-inbound-secret";
    public static final String OTHER = "other";
    public static final String OTHER_SECRET = "other-inbound-secret";

    public final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    public final TestDynamo dynamo = TestDynamo.shared();
    public final String table = dynamo.newTable("connect");
    public final RecordingMetrics metrics = new RecordingMetrics();
    public final ExactSandbox sandbox;
    public final ExactOnlineClient client;
    public final TenantSettings tenants = new TenantSettings(List.of(
            new Tenant(TENANT, SECRET, "out", Optional.empty(), ConflictPolicy.REPORT, List.of()),
            new Tenant(OTHER, OTHER_SECRET, "out2", Optional.empty(), ConflictPolicy.REPORT, List.of())));
    public final DynamoDbConnectionStore connections;
    public final DynamoDbConnectStateStore states;
    public final DynamoDbDiscoveredDivisionStore discovered;
    public final DynamoDbTokenStore tokens;
    public final ConnectLinks links;
    public final ConnectStart start;
    public final ConnectCallback callback;

    public ConnectFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri());
        tokens = new DynamoDbTokenStore(dynamo.client(), table);
        client = ExactOnlineClient.create(settings, tokens, new DynamoDbCallBudgetStore(dynamo.client(), table),
                clock, clock.sleeper(), metrics);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        states = new DynamoDbConnectStateStore(dynamo.client(), table);
        discovered = new DynamoDbDiscoveredDivisionStore(dynamo.client(), table);
        links = new ConnectLinks(tenants, clock, "https://connector.example.test");
        start = new ConnectStart(tenants, states, client, clock, Duration.ofMinutes(15), Duration.ofMinutes(15));
        callback = new ConnectCallback(states, client, new ConnectionSetup(client, connections, discovered,
                sandbox.clientId()), clock);
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Follows a connect link: the connector's 302 to Exact's consent page. */
    public HttpResponseEvent followLink(String link) {
        return start.start(GatewayRequest.get(ConnectLinks.START_PATH, query(link)));
    }

    /** Plays the person at Exact's consent page: GET the authorize URL, return Exact's redirect to the callback. */
    public String consentAt(String authorizeUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "consent page answered " + response.statusCode() + " without a redirect"));
    }

    /** Exact's redirect arriving at the callback route, asking for JSON. */
    public HttpResponseEvent arrive(String redirect) {
        return callback.callback(new GatewayRequest("GET", null, "/exact/callback", null,
                Map.of("Accept", "application/json"), query(redirect), null, false));
    }

    /** The whole consent for {@code tenant}: link → Exact → callback. */
    public HttpResponseEvent connect(String tenant) throws Exception {
        HttpResponseEvent redirect = followLink(links.startUrl(tenant).orElseThrow());
        return arrive(consentAt(redirect.headers().get("Location")));
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** The ledger-mapping admin on this fixture's Exact client and table. */
    public org.exactsync.flow.admin.LedgerMappingAdmin ledgerAdmin() {
        return new org.exactsync.flow.admin.LedgerMappingAdmin(connections,
                new org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore(dynamo.client(), table, clock),
                new org.exactsync.flow.invoice.FinanceMasterDataCache(client,
                        new org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore(dynamo.client(), table, clock),
                        clock), new org.exactsync.store.dynamodb.DynamoDbEventStore(dynamo.client(), table, clock),
                clock);
    }
}
