package org.exactsync.flow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.metrics.MetricNames;
import org.exactsync.metrics.MetricPoint;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tenant admin routes and the backlog monitor against the sandbox and DynamoDB (dynalite). */
class TenantAdminAgainstSandboxTest {

    private static final String TENANT = ConnectFixture.TENANT;

    private final ConnectFixture fx = new ConnectFixture();
    private final ObjectMapper json = new ObjectMapper();
    private final ProbeHandler handler = new ProbeHandler();
    private final DynamoDbEventStore events = new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock);
    private final InboundPipeline pipeline = new InboundPipeline(fx.tenants, fx.connections, events,
            (tenant, entity, type, data) -> { }, json, fx.clock, InboundLimits.defaults(), fx.metrics);
    private final EventReplayer replayer = new EventReplayer(events, pipeline, List.of(handler), fx.clock,
            Duration.ofMinutes(5), 50);
    private final TenantAdmin admin = new TenantAdmin(fx.adminGuard(),
            new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links, json),
            new EventAdmin(events, replayer, json, fx.clock), fx.ledgerAdmin(), json, null, null);
    private final BacklogMonitor monitor = new BacklogMonitor(events, fx.connections, fx.tokens, fx.metrics,
            fx.clock);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void showsANewTenantAsNotConnectedWithAConnectLinkThenActiveAfterConsent() throws Exception {
        JsonNode before = body(call("GET", "/connection", "", ConnectFixture.ADMIN_SECRET), 200);
        assertThat(before.get("status").asText()).isEqualTo("not-connected");
        assertThat(before.get("connectUrl").asText()).startsWith("https://connector.example.test/exact/connect?")
                .contains("tenant=acme");

        fx.connect(TENANT);
        JsonNode after = body(call("GET", "/connection", "", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(after.get("status").asText()).isEqualTo("active");
        assertThat(after.get("mode").asText()).isEqualTo("dry-run");
        assertThat(after.get("divisions").toString()).isEqualTo("[100001]");
        assertThat(after.get("available")).hasSize(3);
        assertThat(after.get("connectUrl").isNull()).isTrue();
    }

    @Test
    void showsNeedsConsentWithAFreshLinkThatStartsAConsent() throws Exception {
        fx.connect(TENANT);
        ConnectionRecord c = fx.connections.find(TENANT).orElseThrow();
        fx.connections.save(new ConnectionRecord(c.tenant(), c.site(), c.exactUser(), c.clientId(), c.divisions(),
                c.defaultDivisions(), ConnectionStatus.NEEDS_CONSENT, c.mode(), c.createdAt(), c.updatedAt(),
                c.version())).orElseThrow();

        JsonNode status = body(call("GET", "/connection", "", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(status.get("status").asText()).isEqualTo("needs-consent");
        assertThat(fx.followLink(status.get("connectUrl").asText()).statusCode()).isEqualTo(302);
    }

    @Test
    void selectsDivisionsOnlyFromTheDiscoveredActiveOnes() throws Exception {
        fx.connect(TENANT);

        JsonNode unknown = body(call("PUT", "/divisions", "{\"divisions\":[100001,999999]}",
                ConnectFixture.ADMIN_SECRET), 400);
        JsonNode outside = body(call("PUT", "/divisions", "{\"divisions\":[100001],\"defaultDivisions\":[100002]}",
                ConnectFixture.ADMIN_SECRET), 400);
        JsonNode chosen = body(call("PUT", "/divisions", "{\"divisions\":[100002,200001],\"defaultDivisions\":"
                + "[200001]}", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(unknown.get("message").asText()).contains("999999");
        assertThat(outside.get("message").asText()).contains("100002");
        assertThat(chosen.get("divisions").toString()).isEqualTo("[100002,200001]");
        ConnectionRecord saved = fx.connections.find(TENANT).orElseThrow();
        assertThat(saved.divisions()).containsExactly(100002, 200001);
        assertThat(saved.defaultDivisions()).containsExactly(200001);
    }

    @Test
    void checksTheLedgerMappingAgainstTheDivisionsMasterDataUntilItIsFixed() throws Exception {
        fx.connect(TENANT);
        JsonNode none = body(call("GET", "/divisions/100001/ledger-mapping", "", ConnectFixture.ADMIN_SECRET),
                200);
        String wrong = "{\"salesJournal\":\"70\",\"revenueAccounts\":{\"8000\":\"8000\"},"
                + "\"vatCodes\":{\"standard|21\":\"99\",\"reduced|9\":\"1\"}}";

        JsonNode reported = body(call("PUT", "/divisions/100001/ledger-mapping", wrong, ConnectFixture.ADMIN_SECRET),
                200);
        JsonNode stale = body(call("PUT", "/divisions/100001/ledger-mapping", wrong, ConnectFixture.ADMIN_SECRET),
                409);
        JsonNode fixed = body(call("PUT", "/divisions/100001/ledger-mapping", wrong.replace("\"99\"", "\"2\"")
                .replace("}}", "},\"version\":1}"), ConnectFixture.ADMIN_SECRET), 200);

        assertThat(none.get("ready").asBoolean()).isFalse();
        assertThat(reported.get("ready").asBoolean()).isFalse();
        assertThat(reported.get("findings").get(0).get("item").asText()).isEqualTo("vatCodes.standard|21");
        assertThat(reported.get("findings").get(0).get("severity").asText()).isEqualTo("error");
        assertThat(reported.get("findings").get(0).get("message").asText()).contains("VAT code 99 does not exist");
        assertThat(stale.get("error").asText()).isEqualTo("conflict");
        assertThat(fixed.get("ready").asBoolean()).isTrue();
        assertThat(fixed.get("mapping").get("version").asLong()).isEqualTo(2);
        assertThat(fixed.get("findings")).allSatisfy(f -> assertThat(f.get("severity").asText())
                .isEqualTo("warning"));
        assertThat(fixed.get("findings").findValuesAsText("item")).contains("vatCodes.export|0");
        assertThat(body(call("GET", "/divisions/999999/ledger-mapping", "", ConnectFixture.ADMIN_SECRET), 404)
                .get("error").asText()).isEqualTo("not-found");
    }

    @Test
    void refusesToGoLiveWhileASelectedDivisionsLedgerMappingHasErrors() throws Exception {
        fx.connect(TENANT);
        String wrong = "{\"salesJournal\":\"90\",\"revenueAccounts\":{\"8000\":\"8000\"},"
                + "\"vatCodes\":{\"standard|21\":\"2\"}}";
        body(call("PUT", "/divisions/100001/ledger-mapping", wrong, ConnectFixture.ADMIN_SECRET), 200);

        JsonNode refused = body(call("PUT", "/mode", "{\"mode\":\"live\"}", ConnectFixture.ADMIN_SECRET), 409);
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.DRY_RUN);
        body(call("PUT", "/divisions/100001/ledger-mapping", wrong.replace("\"90\"", "\"70\"")
                .replace("}}", "},\"version\":1}"), ConnectFixture.ADMIN_SECRET), 200);
        body(call("PUT", "/mode", "{\"mode\":\"live\"}", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(refused.get("error").asText()).isEqualTo("mapping-errors");
        assertThat(refused.at("/divisions/0/findings/0/item").asText()).isEqualTo("salesJournal");
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
    }

    @Test
    void switchesBetweenDryRunAndLiveInOneCall() throws Exception {
        fx.connect(TENANT);

        body(call("PUT", "/mode", "{\"mode\":\"live\"}", ConnectFixture.ADMIN_SECRET), 200);
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
        body(call("PUT", "/mode", "{\"mode\":\"dry-run\"}", ConnectFixture.ADMIN_SECRET), 200);
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.DRY_RUN);
        body(call("PUT", "/mode", "{\"mode\":\"LIVE!\"}", ConnectFixture.ADMIN_SECRET), 400);
        body(call("GET", "/mode", "", ConnectFixture.ADMIN_SECRET), 405);
    }

    @Test
    void refusesGoingLiveBeforeTheTenantIsConnected() throws Exception {
        body(call("PUT", "/mode", "{\"mode\":\"live\"}", ConnectFixture.ADMIN_SECRET), 409);
    }

    @Test
    void refusesAnotherTenantsSecretAStaleSignatureAndAnAlteredBody() throws Exception {
        fx.connect(TENANT);
        String signedBody = "{\"mode\":\"dry-run\"}";
        HttpRequestEvent signed = fx.adminRequest("PUT", "/admin/tenants/acme/mode", signedBody,
                ConnectFixture.ADMIN_SECRET);
        String header = signed.header(CrmSignature.HEADER).orElseThrow();

        body(call("PUT", "/mode", "{\"mode\":\"live\"}", ConnectFixture.OTHER_ADMIN_SECRET), 401);
        body(admin.handle(request("PUT", "/admin/tenants/acme/mode", "{\"mode\":\"live\"}", header)), 401);
        fx.clock.advance(Duration.ofMinutes(6));
        body(admin.handle(request("PUT", "/admin/tenants/acme/mode", signedBody, header)), 401);
        body(call("GET", "/connection", "", null), 401);

        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.DRY_RUN);
    }

    @Test
    void showsAFailedEventWithItsReasonListsItAndReplaysItOnDemand() throws Exception {
        fx.connect(TENANT);
        handler.answer = event -> new Outcome.Failed("Exact refused the GL account 8000 (blocked)", false);
        deliver("evt-1", "crm-42");

        JsonNode failed = body(call("GET", "/events/evt-1", "", ConnectFixture.ADMIN_SECRET), 200);
        JsonNode listed = body(call("GET", "/events?status=failed", "", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).contains("GL account 8000");
        assertThat(failed.get("retryable").asBoolean()).isFalse();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.has("body")).isFalse();
        assertThat(listed.get("events").findValuesAsText("eventId")).containsExactly("evt-1");
        assertThat(fx.metrics.named(MetricNames.EVENTS_FAILED)).extracting(MetricPoint::dimensions)
                .containsExactly(Map.of("Tenant", TENANT));
        assertThat(handler.mdcTenant).isEqualTo(TENANT);
        assertThat(handler.mdcCrmId).isEqualTo("crm-42");

        body(call("POST", "/events/evt-1/replay", "{\"eventId\":\"evt-other\"}", ConnectFixture.ADMIN_SECRET), 400);
        handler.answer = event -> new Outcome.Done(List.of("fixed"));
        JsonNode replayed = body(call("POST", "/events/evt-1/replay", "{\"eventId\":\"evt-1\"}",
                ConnectFixture.ADMIN_SECRET), 200);

        assertThat(replayed.get("state").asText()).isEqualTo("done");
        assertThat(replayed.get("attempts").asInt()).isEqualTo(2);
        assertThat(replayed.get("result").get("results").get(0).asText()).isEqualTo("fixed");
        body(call("POST", "/events/evt-1/replay", "{\"eventId\":\"evt-1\"}", ConnectFixture.ADMIN_SECRET), 409);
        body(call("GET", "/events/evt-unknown", "", ConnectFixture.ADMIN_SECRET), 404);
    }

    @Test
    void measuresTheAgeOfTheOldestOpenEventAndNeedsConsentConnections() throws Exception {
        fx.connect(TENANT);
        handler.answer = event -> new Outcome.Waiting("Exact's daily budget is spent");
        deliver("evt-old", "crm-1");
        fx.clock.advance(Duration.ofMinutes(10));
        deliver("evt-new", "crm-2");

        BacklogSnapshot snapshot = monitor.measure();

        assertThat(snapshot.backlogAgeSeconds()).isEqualTo(600);
        assertThat(snapshot.openEvents()).containsEntry("waiting", 2);
        assertThat(snapshot.needsConsent()).isZero();
        assertThat(fx.metrics.named(MetricNames.BACKLOG_AGE)).extracting(MetricPoint::value).containsExactly(600.0);
    }

    @Test
    void answersTheBacklogOfEachDivisionWithItsSizeAndTheAgeOfItsOldestEvent() throws Exception {
        fx.connect(TENANT);
        handler.answer = event -> new Outcome.Waiting("Exact's minute budget is spent");
        deliver("evt-old", "crm-1");
        fx.clock.advance(Duration.ofMinutes(10));
        deliver("evt-new", "crm-2");
        handler.answer = event -> new Outcome.Failed("Exact answered 503", true);
        deliver("evt-failed", "crm-3");
        fx.clock.advance(Duration.ofMinutes(5));

        JsonNode backlog = body(call("GET", "/backlog", "", ConnectFixture.ADMIN_SECRET), 200);
        BacklogSnapshot snapshot = monitor.measure();

        assertThat(backlog.get("open").asInt()).isEqualTo(3);
        // 15 minutes, and the second the signed call moves the clock on.
        assertThat(backlog.get("oldestAgeSeconds").asLong()).isEqualTo(901);
        JsonNode division = backlog.get("divisions").get(0);
        assertThat(division.get("division").asInt()).isEqualTo(100001);
        assertThat(division.get("open").asInt()).isEqualTo(3);
        assertThat(division.get("byState").get("waiting").asInt()).isEqualTo(2);
        assertThat(division.get("byState").get("failed").asInt()).isEqualTo(1);
        assertThat(division.get("waitingDue").asInt()).as("past the first retry time").isEqualTo(2);
        assertThat(division.get("oldestAgeSeconds").asLong()).isEqualTo(901);
        assertThat(division.get("draining").asBoolean()).isFalse();
        assertThat(snapshot.lanes()).extracting(LaneBacklog::open).containsExactly(3);
        assertThat(fx.metrics.named(MetricNames.LANE_BACKLOG_AGE)).singleElement().satisfies(point -> {
            assertThat(point.value()).isEqualTo(901.0);
            assertThat(point.properties()).containsEntry("tenant", TENANT).containsEntry("division", "100001");
            assertThat(point.dimensions()).as("no metric per lane").isEmpty();
        });
        body(call("POST", "/backlog", "", ConnectFixture.ADMIN_SECRET), 405);
    }

    @Test
    void countsAConnectionWhoseTokenChainBrokeAsNeedingConsent() throws Exception {
        fx.connect(TENANT);
        ConnectionRecord c = fx.connections.find(TENANT).orElseThrow();
        long version = fx.tokens.find(c.tokenKey()).orElseThrow().version();
        fx.tokens.markNeedsConsent(c.tokenKey(), version, "Old refresh token used");

        BacklogSnapshot snapshot = monitor.measure();
        JsonNode status = body(call("GET", "/connection", "", ConnectFixture.ADMIN_SECRET), 200);

        assertThat(snapshot.needsConsent()).isEqualTo(1);
        assertThat(fx.metrics.named(MetricNames.NEEDS_CONSENT)).extracting(MetricPoint::value).containsExactly(1.0);
        assertThat(status.get("status").asText()).isEqualTo("needs-consent");
        assertThat(status.get("connectUrl").asText()).contains("sig=");
    }

    @Test
    void withoutAPublicUrlTheConnectLinkIsBuiltFromTheHostAndProtocolTheRequestCameInOn() throws Exception {
        ConnectLinks fromRequest = new ConnectLinks(fx.tenants, fx.clock, java.util.Optional.empty());
        TenantAdmin unconfigured = new TenantAdmin(fx.adminGuard(), new ConnectionAdmin(fx.connections,
                fx.discovered, fx.tokens, fromRequest, json), new EventAdmin(events, replayer, json), fx.ledgerAdmin(),
                json,
                null, null);
        String host = "abc123.execute-api.eu-west-1.amazonaws.com";
        String signature = RouteSignature.sign(ConnectFixture.ADMIN_SECRET, fx.clock.instant(), "GET",
                "/admin/tenants/" + TENANT + "/connection", "/admin/", Map.of(), new byte[0]);
        HttpRequestEvent viaApiGateway = new HttpRequestEvent("GET", new HttpRequestEvent.RequestContext(null, "Prod"),
                "/Prod/admin/tenants/" + TENANT + "/connection", null, Map.of(CrmSignature.HEADER, signature, "Host", host,
                        "X-Forwarded-Proto", "https"), Map.of(), "", false);

        JsonNode status = body(unconfigured.handle(viaApiGateway), 200);

        String link = status.get("connectUrl").asText();
        assertThat(link).startsWith("https://" + host + "/Prod/exact/connect?tenant=" + TENANT + "&t=");
        assertThat(fromRequest.startUrl(TENANT)).as("no request, no public URL").isEmpty();
        // The link is a working one: the start route takes it to Exact's consent page.
        assertThat(fx.followLink(link).statusCode()).isEqualTo(302);
    }

    private void deliver(String eventId, String crmId) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"probe.checked\",\"occurredAt\":\""
                + fx.clock.instant() + "\",\"tenant\":\"" + TENANT + "\",\"data\":{\"id\":\"" + crmId + "\"}}";
        pipeline.handle(new HttpRequestEvent("/crm/probes", null, Map.of(CrmSignature.HEADER, CrmSignature.sign(
                ConnectFixture.SECRET, fx.clock.instant(), body.getBytes(StandardCharsets.UTF_8))), body, false),
                handler);
    }

    /** An admin call signed at a fresh second (a write's signature is good once). */
    private HttpResponseEvent call(String method, String route, String body, String secret) {
        fx.clock.advance(Duration.ofSeconds(1));
        return admin.handle(fx.adminRequest(method, "/admin/tenants/" + TENANT + route, body, secret));
    }

    private static HttpRequestEvent request(String method, String pathAndQuery, String body, String header) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : ConnectFixture.query("http://x" + pathAndQuery);
        return new HttpRequestEvent(method, null, path, null,
                header == null ? Map.of() : Map.of(CrmSignature.HEADER, header), query, body, false);
    }

    private JsonNode body(HttpResponseEvent response, int expectedStatus) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }
}
