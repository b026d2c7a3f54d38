package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

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
import org.exactsync.json.JsonSettings;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.dynamodb.DynamoDbConnectStateStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbDiscoveredDivisionStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.testsupport.RecordingMetrics;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connect flow wired by hand: the Exact sandbox over HTTP, the real client (counting into a recording metrics
 * port), DynamoDB (dynalite) stores. Tenants {@code acme} and {@code other}, each with its own inbound secret.
 */
public final class ConnectFixture implements AutoCloseable {

    public static final String TENANT = "acme";
    public static final String SECRET = "acme-inbound-secret";
    public static final String OTHER = "other";
    public static final String OTHER_SECRET = "other-inbound-secret";
    public static final String ADMIN_SECRET = "acme-admin-secret";
    public static final String OTHER_ADMIN_SECRET = "other-admin-secret";

    public final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    public final TestDynamo dynamo = TestDynamo.shared();
    public final String table = dynamo.newTable("connect");
    public final RecordingMetrics metrics = new RecordingMetrics();
    public final ExactSandbox sandbox;
    public final ExactOnlineClient client;
    public final TenantSettings tenants = new TenantSettings(List.of(
            new Tenant(TENANT, SECRET, "out", Optional.empty(), ConflictPolicy.REPORT, List.of(),
                    Optional.of(ADMIN_SECRET)),
            new Tenant(OTHER, OTHER_SECRET, "out2", Optional.empty(), ConflictPolicy.REPORT, List.of(),
                    Optional.of(OTHER_ADMIN_SECRET))));
    /** Callbacks the connect flow sent: {@code type → data}, in order. */
    public final List<Map.Entry<String, Object>> callbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Consents the setup reported to its listener, in order. */
    public final List<ConnectionSetup.Connected> consents = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final DynamoDbConnectionStore connections;
    public final DynamoDbConnectStateStore states;
    public final DynamoDbDiscoveredDivisionStore discovered;
    public final DynamoDbTokenStore tokens;
    public final ConnectLinks links;
    public final ConnectStart start;
    public final ConnectCallback callback;

    public ConnectFixture() {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper())
                .webhookTls(org.exactsync.sandbox.finance.LocalReceiverTls.clientContext()).build().start();
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri());
        tokens = new DynamoDbTokenStore(dynamo.client(), table);
        client = ExactOnlineClient.create(settings, tokens, new DynamoDbCallBudgetStore(dynamo.client(), table),
                clock, clock.sleeper(), metrics);
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        states = new DynamoDbConnectStateStore(dynamo.client(), table);
        discovered = new DynamoDbDiscoveredDivisionStore(dynamo.client(), table);
        links = new ConnectLinks(tenants, clock, "https://connector.example.test");
        start = new ConnectStart(tenants, states, client, clock, Duration.ofMinutes(15), Duration.ofMinutes(15),
                new ObjectMapper());
        callback = new ConnectCallback(states, client, new ConnectionSetup(client, connections, discovered, tokens,
                (tenant, entity, type, data) -> callbacks.add(Map.entry(type, data)), sandbox.clientId(),
                consents::add), clock, new ObjectMapper());
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
        return start.start(HttpRequestEvent.get(ConnectLinks.START_PATH, query(link)));
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
        return callback.callback(new HttpRequestEvent("GET", null, "/exact/callback", null,
                Map.of("Accept", "application/json"), query(redirect), null, false));
    }

    /** The whole consent for {@code tenant}: link → Exact → callback. */
    public HttpResponseEvent connect(String tenant) throws Exception {
        HttpResponseEvent redirect = followLink(links.startUrl(tenant).orElseThrow());
        return arrive(consentAt(redirect.headers().get("Location")));
    }

    /** The whole consent for {@code tenant} given by the sandbox user {@code userName}. */
    public HttpResponseEvent connectAs(String tenant, String userName) throws Exception {
        HttpResponseEvent redirect = followLink(links.startUrl(tenant).orElseThrow());
        return arrive(consentAt(redirect.headers().get("Location") + "&user="
                + java.net.URLEncoder.encode(userName, StandardCharsets.UTF_8)));
    }

    /** The admin guard on this fixture's table (signed-request ledger and audit trail in DynamoDB). */
    public org.exactsync.flow.admin.AdminGuard adminGuard() {
        return new org.exactsync.flow.admin.AdminGuard(tenants,
                new org.exactsync.store.dynamodb.DynamoDbSignedRequestLedger(dynamo.client(), table),
                new org.exactsync.store.dynamodb.DynamoDbAuditTrail(dynamo.client(), table, Duration.ofDays(400)),
                clock, Duration.ofSeconds(300));
    }

    /**
     * An admin request signed the route-bound way with {@code secret} (null: unsigned) at the fixture's clock.
     * {@code pathAndQuery} may carry a query string.
     */
    public HttpRequestEvent adminRequest(String method, String pathAndQuery, String body, String secret) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> params = q < 0 ? Map.of() : query("http://x" + pathAndQuery);
        String header = secret == null ? null : org.exactsync.crm.RouteSignature.sign(secret, clock.instant(), method,
                path, "/admin/", params, body.getBytes(StandardCharsets.UTF_8));
        return new HttpRequestEvent(method, null, path, null,
                header == null ? Map.of() : Map.of(org.exactsync.crm.CrmSignature.HEADER, header), params, body,
                false);
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
                        clock, JsonSettings.standalone()),
                new org.exactsync.store.dynamodb.DynamoDbEventStore(dynamo.client(), table, clock), clock,
                new ObjectMapper());
    }
}
