package org.exactsync.flow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.store.EntityKind;
import org.exactsync.store.EventRecord;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.NewCallback;
import org.exactsync.store.NewEvent;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbCallbackOutbox;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbTenantData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The admin routes' integrity against the sandbox and DynamoDB (dynalite): route-bound signatures with the admin
 * secret, writes accepted once, the audit trail, erasure of a relation and removal of a tenant (checked by scanning
 * the table).
 */
class AdminIntegrityAgainstSandboxTest {

    private static final String TENANT = ConnectFixture.TENANT;
    private static final String ADMIN = "/admin/tenants/" + TENANT;
    private static final String NAME = "Bakkerij De Gouden Korst";
    private static final String EMAIL = "anna@goudenkorst.example";

    private final ConnectFixture fx = new ConnectFixture();
    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbEventStore events = new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock);
    private final DynamoDbMappingStore mappings = new DynamoDbMappingStore(fx.dynamo.client(), fx.table, fx.clock);
    private final DynamoDbCallbackOutbox outbox = new DynamoDbCallbackOutbox(fx.dynamo.client(), fx.table, fx.clock);
    private final TenantAdmin admin = new TenantAdmin(fx.adminGuard(),
            new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links, json),
            new EventAdmin(events, null, json),
            fx.ledgerAdmin(), json,
            null, new DataProtectionAdmin(new DynamoDbTenantData(fx.dynamo.client(), fx.table, json),
            "/exactsync/prod/", json));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void refusesASignedGetReplayedOnAnotherRouteOrWithAnotherQuery() throws Exception {
        fx.connect(TENANT);
        HttpRequestEvent events = fx.adminRequest("GET", ADMIN + "/events?status=failed", "",
                ConnectFixture.ADMIN_SECRET);
        String header = events.header(CrmSignature.HEADER).orElseThrow();

        HttpResponseEvent onAnotherRoute = admin.handle(withHeader("GET", ADMIN + "/connection", "", header));
        HttpResponseEvent withAnotherQuery = admin.handle(withHeader("GET", ADMIN + "/events?status=waiting", "",
                header));
        HttpResponseEvent asAWrite = admin.handle(withHeader("PUT", ADMIN + "/events?status=failed", "", header));

        assertThat(onAnotherRoute.statusCode()).isEqualTo(401);
        assertThat(withAnotherQuery.statusCode()).isEqualTo(401);
        assertThat(asAWrite.statusCode()).isEqualTo(401);
        assertThat(admin.handle(events).statusCode()).as("the original still passes").isEqualTo(200);
    }

    @Test
    void refusesTheCrmInboundSecretOnEveryAdminRouteInEitherScheme() throws Exception {
        fx.connect(TENANT);
        String body = "{\"mode\":\"live\"}";
        String bodyOnly = CrmSignature.sign(ConnectFixture.SECRET, fx.clock.instant(),
                body.getBytes(StandardCharsets.UTF_8));

        HttpResponseEvent routeBound = admin.handle(fx.adminRequest("PUT", ADMIN + "/mode", body,
                ConnectFixture.SECRET));
        HttpResponseEvent overTheBody = admin.handle(withHeader("PUT", ADMIN + "/mode", body, bodyOnly));
        HttpResponseEvent read = admin.handle(fx.adminRequest("GET", ADMIN + "/connection", "",
                ConnectFixture.SECRET));

        assertThat(List.of(routeBound.statusCode(), overTheBody.statusCode(), read.statusCode()))
                .containsOnly(401);
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.DRY_RUN);
    }

    @Test
    void acceptsAnAdminWriteOnceAndRefusesItsReplayWithinTheWindow() throws Exception {
        fx.connect(TENANT);
        HttpRequestEvent write = fx.adminRequest("PUT", ADMIN + "/divisions",
                "{\"divisions\":[100002],\"defaultDivisions\":[100002]}", ConnectFixture.ADMIN_SECRET);

        HttpResponseEvent first = admin.handle(write);
        long version = fx.connections.find(TENANT).orElseThrow().version();
        fx.clock.advance(Duration.ofSeconds(200));
        HttpResponseEvent replayed = admin.handle(write);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(json.readTree(replayed.body()).get("error").asText()).isEqualTo("replayed");
        assertThat(fx.connections.find(TENANT).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void recordsEveryAdminWriteWithRouteTimeKeyAndChangeButNotReads() throws Exception {
        fx.connect(TENANT);
        call("PUT", "/divisions", "{\"divisions\":[100001,100002],\"defaultDivisions\":[100002]}", 200);
        call("PUT", "/mode", "{\"mode\":\"sideways\"}", 400);
        call("GET", "/connection", "", 200);

        JsonNode audit = call("GET", "/audit", "", 200);

        JsonNode entries = audit.get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("route").asText()).isEqualTo("PUT " + ADMIN + "/mode");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(entries.get(0).get("change").asText()).isEqualTo("refused: validation");
        assertThat(entries.get(1).get("route").asText()).isEqualTo("PUT " + ADMIN + "/divisions");
        assertThat(entries.get(1).get("change").asText()).isEqualTo("divisions [100001,100002] defaults [100002]");
        assertThat(entries.get(1).get("at").asText()).isEqualTo(fx.clock.instant().minusSeconds(3).toString());
        assertThat(entries.get(1).get("keyId").asText()).isEqualTo(AdminGuard.keyId(ConnectFixture.ADMIN_SECRET))
                .startsWith("admin-secret#").doesNotContain(ConnectFixture.ADMIN_SECRET);
    }

    @Test
    void erasureRemovesTheRelationsPersonalDataFromEveryItemAndKeepsOtherRelations() throws Exception {
        fx.connect(TENANT);
        storeRelation("rel-1", NAME, "Anna", EMAIL);
        storeRelation("rel-2", "Slagerij Het Gulden Vlies", "Piet", "piet@guldenvlies.example");
        assertThat(tableText()).contains(NAME, EMAIL);

        JsonNode erased = call("POST", "/relations/rel-1/erasure", "{\"relationId\":\"rel-1\"}", 200);

        assertThat(erased.get("mappingsCleared").asInt()).as("relation and contact mapping").isEqualTo(2);
        assertThat(erased.get("eventsRedacted").asInt()).isEqualTo(1);
        assertThat(erased.get("callbacksDeleted").asInt()).isEqualTo(1);
        assertThat(tableText()).doesNotContain(NAME, EMAIL, "Anna")
                .contains("Slagerij Het Gulden Vlies", "piet@guldenvlies.example");
        assertThat(mappings.find(new MappingKey(TENANT, 100001, EntityKind.RELATION, "rel-1")).orElseThrow()
                .exactCode()).as("the link to Exact stays").isEqualTo("D-rel-1");
        EventRecord event = events.find(TENANT, "evt-rel-1").orElseThrow();
        assertThat(json.readTree(event.body()).at("/data/id").asText()).isEqualTo("rel-1");
        assertThat(event.result()).isNull();
    }

    @Test
    void erasureIsRefusedWithNothingChangedWhileAnEventOfTheRelationIsBeingWorked() throws Exception {
        fx.connect(TENANT);
        events.claim(new NewEvent(TENANT, "evt-open", "relation.upserted", "h", relationEvent("evt-open", "rel-1",
                NAME, "Anna", EMAIL), fx.clock.instant().plus(Duration.ofDays(30))));

        JsonNode refused = call("POST", "/relations/rel-1/erasure", "{\"relationId\":\"rel-1\"}", 409);
        call("POST", "/relations/rel-1/erasure", "{\"relationId\":\"rel-9\"}", 400);

        assertThat(refused.get("events").toString()).isEqualTo("[\"evt-open\"]");
        assertThat(tableText()).contains(NAME);
    }

    @Test
    void tenantRemovalLeavesNoItemOfTheTenantAndListsItsSecrets() throws Exception {
        fx.connect(TENANT);
        fx.connect(ConnectFixture.OTHER);
        storeRelation("rel-1", NAME, "Anna", EMAIL);
        call("PUT", "/mode", "{\"mode\":\"dry-run\"}", 200);
        assertThat(partitionKeys()).anyMatch(pk -> pk.startsWith("T#acme#")).contains("T#acme", "T#other");

        JsonNode removed = call("POST", "/removal", "{\"tenant\":\"acme\"}", 200);

        assertThat(partitionKeys()).noneMatch(pk -> pk.equals("T#acme") || pk.startsWith("T#acme#"))
                .contains("T#other");
        assertThat(tableText()).doesNotContain(NAME);
        assertThat(removed.get("itemsDeleted").asInt()).isPositive();
        assertThat(removed.get("secretsToDelete").toString()).isEqualTo("[\"/exactsync/prod/crm/acme/inbound-secret\","
                + "\"/exactsync/prod/crm/acme/outbound-secret\",\"/exactsync/prod/crm/acme/admin-secret\"]");
        assertThat(fx.connections.find(ConnectFixture.OTHER)).isPresent();
    }

    /** What the relation flow leaves behind in division 100001: mappings, a done event, a queued callback. */
    private void storeRelation(String relationId, String name, String contact, String email) {
        mappings.createIfAbsent(new MappingKey(TENANT, 100001, EntityKind.RELATION, relationId),
                new MappingChange("00000000-0000-0000-0000-00000000000" + relationId.charAt(4), "D-" + relationId,
                        "hash", Map.of("Name", name, "Email", email)));
        mappings.createIfAbsent(new MappingKey(TENANT, 100001, EntityKind.CONTACT, relationId + "/con-1"),
                new MappingChange(null, null, "hash", Map.of("FirstName", contact, "Email", email)));
        String eventId = "evt-" + relationId;
        EventRecord claimed = events.claim(new NewEvent(TENANT, eventId, "relation.upserted", "h",
                relationEvent(eventId, relationId, name, contact, email), fx.clock.instant().plus(
                        Duration.ofDays(30)))).record();
        EventRecord leased = events.startAttempt(TENANT, eventId, claimed.version(), "w",
                fx.clock.instant().plusSeconds(60)).orElseThrow();
        events.complete(TENANT, eventId, leased.version(), "w", "{\"dryRun\":{\"Name\":\"" + name + "\"}}")
                .orElseThrow();
        outbox.enqueue(new NewCallback(TENANT, "relation:" + relationId, "cb-" + relationId, "relation.conflict",
                "{\"fields\":[{\"name\":\"Name\",\"crm\":\"" + name + "\"}]}", fx.clock.instant(),
                fx.clock.instant().plus(Duration.ofDays(7))));
    }

    private static String relationEvent(String eventId, String relationId, String name, String contact,
            String email) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"relation.upserted\",\"data\":{\"id\":\"" + relationId
                + "\",\"roles\":[\"customer\"],\"name\":\"" + name + "\",\"contacts\":[{\"id\":\"con-1\","
                + "\"firstName\":\"" + contact + "\",\"email\":\"" + email + "\"}]}}";
    }

    /** Every item of the table as text: what an export of it would show. */
    private String tableText() {
        return scan().toString();
    }

    private List<String> partitionKeys() {
        return scan().stream().map(item -> item.get("pk").s()).toList();
    }

    private List<Map<String, AttributeValue>> scan() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = fx.dynamo.client().scan(ScanRequest.builder().tableName(fx.table).exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private JsonNode call(String method, String route, String body, int expectedStatus) throws Exception {
        fx.clock.advance(Duration.ofSeconds(1));
        HttpResponseEvent answer = admin.handle(fx.adminRequest(method, ADMIN + route, body,
                ConnectFixture.ADMIN_SECRET));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        return json.readTree(answer.body());
    }

    private static HttpRequestEvent withHeader(String method, String pathAndQuery, String body, String header) {
        int q = pathAndQuery.indexOf('?');
        return new HttpRequestEvent(method, null, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), null,
                Map.of(CrmSignature.HEADER, header), q < 0 ? Map.of()
                        : ConnectFixture.query("http://x" + pathAndQuery), body, false);
    }
}
