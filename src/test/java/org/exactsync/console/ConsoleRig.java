package org.exactsync.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.json.JsonSettings;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.onboarding.AccountIndex;
import org.exactsync.flow.onboarding.OnboardingAdmin;
import org.exactsync.flow.onboarding.OnboardingService;
import org.exactsync.store.dynamodb.DynamoDbAccountIndexStore;
import org.exactsync.store.dynamodb.DynamoDbAuditTrail;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbConsoleSessionStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbSeenRelationStore;
import org.exactsync.store.dynamodb.DynamoDbSignedRequestLedger;

/**
 * The console wired by hand on a {@link ConnectFixture} (sandbox over HTTP, dynalite): the store-only pages plus
 * ledger mapping, go-live and data quality, for the bench and the page tests. A signed-in session and requests as
 * API Gateway hands them over.
 */
public final class ConsoleRig {

    public final ConnectFixture fx;
    public final DynamoDbMappingStore mappings;
    public final DynamoDbEventStore events;
    public final DynamoDbLedgerMappingStore ledgers;
    public final DynamoDbSeenRelationStore seen;
    public final OnboardingService onboarding;
    private final Console console;
    private final ConsoleLinks links;

    public ConsoleRig(ConnectFixture fx) {
        this(fx, Duration.ofSeconds(20));
    }

    /** @param indexReadBudget how long one press of "build the index" reads Exact before it stops */
    public ConsoleRig(ConnectFixture fx, Duration indexReadBudget) {
        this.fx = fx;
        ObjectMapper json = JsonSettings.standalone();
        mappings = new DynamoDbMappingStore(fx.dynamo.client(), fx.table, fx.clock);
        events = new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock);
        InboundPipeline pipeline = new InboundPipeline(fx.tenants, fx.connections, events,
                (tenant, entity, type, data) -> { }, json, fx.clock, InboundLimits.defaults());
        EventReplayer replayer = new EventReplayer(events, pipeline, List.of(), fx.clock, Duration.ofMinutes(5), 50);
        EventAdmin eventAdmin = new EventAdmin(events, replayer, json, fx.clock);
        ConnectionAdmin connections = new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links, json);
        DynamoDbLedgerMappingStore ledgerStore = new DynamoDbLedgerMappingStore(fx.dynamo.client(), fx.table,
                fx.clock);
        ledgers = ledgerStore;
        FinanceMasterDataCache masterData = new FinanceMasterDataCache(fx.client, new DynamoDbDivisionCacheStore(
                fx.dynamo.client(), fx.table, fx.clock), fx.clock, json);
        LedgerMappingAdmin ledgers = new LedgerMappingAdmin(fx.connections, ledgerStore, masterData, events,
                fx.clock, json);
        TenantAdmin tenantAdmin = new TenantAdmin(fx.adminGuard(), connections, eventAdmin, ledgers, json, null,
                null);
        AdminAnswers answers = new AdminAnswers(json);
        MappingChecks checks = new MappingChecks(ledgerStore, masterData);
        seen = new DynamoDbSeenRelationStore(fx.dynamo.client(), fx.table);
        DynamoDbAccountIndexStore indexStore = new DynamoDbAccountIndexStore(fx.dynamo.client(), fx.table);
        onboarding = new OnboardingService(new AccountIndex(fx.client, indexStore, new DynamoDbCursorStore(
                fx.dynamo.client(), fx.table, fx.clock), fx.clock, indexReadBudget), indexStore, seen);
        OnboardingAdmin onboardingAdmin = new OnboardingAdmin(fx.connections, onboarding, json);
        ConsoleConfig config = new ConsoleConfig() {
            @Override
            public Duration linkValidity() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration sessionValidity() {
                return Duration.ofMinutes(30);
            }

            @Override
            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            @Override
            public int pageSize() {
                return 50;
            }
        };
        ConsoleAuth auth = new ConsoleAuth(fx.tenants, new DynamoDbSignedRequestLedger(fx.dynamo.client(), fx.table),
                new DynamoDbConsoleSessionStore(fx.dynamo.client(), fx.table), fx.clock, config.linkValidity(),
                config.sessionValidity());
        links = new ConsoleLinks(fx.tenants, fx.clock, Optional.of("https://api.example.test"));
        console = new Console(auth, new ConsoleTexts(), new DynamoDbAuditTrail(fx.dynamo.client(), fx.table,
                Duration.ofDays(400)), fx.clock, List.of(
                        new ConnectionPage(connections, tenantAdmin, fx.connections, fx.tokens, fx.links, answers,
                                fx.clock),
                        new DivisionsPage(connections, answers),
                        new SyncStatusPage(fx.connections, mappings, events, eventAdmin, replayer, answers, fx.clock,
                                config),
                        new LedgerMappingPage(ledgers, ledgerStore, checks, fx.connections, answers),
                        new GoLivePage(connections, fx.connections, checks, tenantAdmin, answers),
                        new DataQualityPage(onboarding, onboardingAdmin, fx.connections, answers),
                        new DataQualityCsvPage(onboardingAdmin, fx.connections)));
    }

    /** Signs in with a fresh link; the session cookie ({@code name=value}). */
    public String signIn(String tenant) {
        HttpResponseEvent answer = get(links.signInUrl(tenant).orElseThrow(), null);
        return answer.headers().get("Set-Cookie").split(";")[0];
    }

    /** A form POST to {@code url} with the session cookie; {@code form} is already URL-encoded. */
    public HttpResponseEvent post(String url, String cookie, String form) {
        java.net.URI uri = java.net.URI.create(url);
        return console.handle(new HttpRequestEvent("POST", null, uri.getPath(), null, Map.of("Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded"), Map.of(), form, false));
    }

    /** The session's CSRF token, read from a page's form the way a browser would send it. */
    public static String csrf(HttpResponseEvent page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the page");
        }
        return m.group(1);
    }

    /** A GET of {@code url} ({@code https://api.example.test/console/...?...}) with the session cookie. */
    public HttpResponseEvent get(String url, String cookie) {
        java.net.URI uri = java.net.URI.create(url);
        return console.handle(new HttpRequestEvent("GET", null, uri.getPath(), null,
                cookie == null ? Map.of() : Map.of("Cookie", cookie), ConnectFixture.query(url), null, false));
    }
}
