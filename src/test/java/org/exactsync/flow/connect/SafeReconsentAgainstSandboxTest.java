package org.exactsync.flow.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.callback.ConnectionChanged;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.json.JsonSettings;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbDivisionCacheStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbLedgerMappingStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live tenant re-consented by another Exact user (the sandbox's second user, who works in another company): the
 * connection must not keep booking into the divisions the first user's operator chose, nor pick the new user's.
 */
class SafeReconsentAgainstSandboxTest {

    private static final String TENANT = ConnectFixture.TENANT;
    private static final String ADMIN = "/admin/tenants/" + TENANT;

    private final ConnectFixture fx = new ConnectFixture();
    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbMappingStore mappings = new DynamoDbMappingStore(fx.dynamo.client(), fx.table, fx.clock);
    private final DynamoDbLedgerMappingStore ledgers = new DynamoDbLedgerMappingStore(fx.dynamo.client(), fx.table,
            fx.clock);
    private final InboundPipeline pipeline = new InboundPipeline(fx.tenants, fx.connections,
            new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock), (tenant, entity, type, data) -> { },
            json, fx.clock, InboundLimits.defaults());
    private final InvoicePostingHandler invoices = new InvoicePostingHandler(new InvoiceBooking(fx.client, mappings,
            ledgers, new FinanceMasterDataCache(fx.client, new DynamoDbDivisionCacheStore(fx.dynamo.client(),
                    fx.table, fx.clock), fx.clock, JsonSettings.standalone()), (tenant, entity, type, data) -> { },
                    fx.clock),
                    fx.connections);
    private final TenantAdmin admin = new TenantAdmin(fx.adminGuard(), new ConnectionAdmin(fx.connections,
            fx.discovered, fx.tokens, fx.links, json), null, fx.ledgerAdmin(), json, null, null);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anotherUsersConsentOnALiveTenantBooksNothingUntilTheOperatorConfirms() throws Exception {
        fx.connect(TENANT);
        TokenKey firstChain = fx.connections.find(TENANT).orElseThrow().tokenKey();
        for (int division : List.of(100001, 200001)) {
            ledgers.save(TENANT, division, LedgerMapping.dutchStandard(), 0).orElseThrow();
            customer(firstChain, division, "rel-1001");
        }
        admin("PUT", "/mode", "{\"mode\":\"live\"}", 200);
        assertThat(post("evt-1", "inv-1", null).statusCode()).as("live as the first user books").isEqualTo(200);
        assertThat(writes(100001)).isPositive();

        JsonNode answer = json.readTree(fx.connectAs(TENANT, ExactSandbox.SECOND_USER).body());

        ConnectionRecord repointed = fx.connections.find(TENANT).orElseThrow();
        assertThat(answer.get("consent").asText()).isEqualTo("other-user");
        assertThat(answer.get("notice").asText()).contains("dry run with no division selected");
        assertThat(repointed.mode()).isEqualTo(SyncMode.DRY_RUN);
        assertThat(repointed.divisions()).isEmpty();
        assertThat(repointed.defaultDivisions()).isEmpty();
        assertThat(fx.tokens.find(firstChain)).as("the superseded chain is deleted").isEmpty();
        assertThat(fx.callbacks).extracting(Map.Entry::getKey).containsExactly(ConnectionChanged.TYPE);
        ConnectionChanged changed = (ConnectionChanged) fx.callbacks.get(0).getValue();
        assertThat(changed.reason()).isEqualTo("other-user");
        assertThat(changed.previousDivisions()).containsExactly(100001);

        int before100001 = writes(100001);
        int before200001 = writes(200001);
        HttpResponseEvent withoutDivisions = post("evt-2", "inv-2", null);
        HttpResponseEvent toTheOldDivision = post("evt-3", "inv-3", 100001);
        HttpResponseEvent toTheNewUsersDivision = post("evt-4", "inv-4", 200001);

        assertThat(List.of(withoutDivisions.statusCode(), toTheOldDivision.statusCode(),
                toTheNewUsersDivision.statusCode())).containsOnly(400);
        assertThat(writes(100001)).isEqualTo(before100001);
        assertThat(writes(200001)).isEqualTo(before200001);
        admin("PUT", "/mode", "{\"mode\":\"live\"}", 409);

        admin("PUT", "/divisions", "{\"divisions\":[200001]}", 200);
        admin("PUT", "/mode", "{\"mode\":\"live\"}", 200);
        assertThat(fx.connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
    }

    @Test
    void theSameUserReconsentingKeepsModeSelectionAndDefaultsAndSendsNoCallback() throws Exception {
        fx.connect(TENANT);
        ledgers.save(TENANT, 100002, LedgerMapping.dutchStandard(), 0).orElseThrow();
        admin("PUT", "/divisions", "{\"divisions\":[100002,100001],\"defaultDivisions\":[100002]}", 200);
        ledgers.save(TENANT, 100001, LedgerMapping.dutchStandard(), 0).orElseThrow();
        admin("PUT", "/mode", "{\"mode\":\"live\"}", 200);
        TokenKey chain = fx.connections.find(TENANT).orElseThrow().tokenKey();

        JsonNode answer = json.readTree(fx.connect(TENANT).body());

        ConnectionRecord kept = fx.connections.find(TENANT).orElseThrow();
        assertThat(answer.get("consent").asText()).isEqualTo("same-user");
        assertThat(answer.has("notice")).isFalse();
        assertThat(kept.mode()).isEqualTo(SyncMode.LIVE);
        assertThat(kept.divisions()).containsExactly(100002, 100001);
        assertThat(kept.defaultDivisions()).containsExactly(100002);
        assertThat(fx.tokens.find(chain)).isPresent();
        assertThat(fx.callbacks).isEmpty();
    }

    /** A customer in Exact and its RELATION mapping, as the relation flow leaves them. */
    private void customer(TokenKey chain, int division, String relationId) {
        ExactAccount account = fx.client.createAccount(new ExactTarget(chain, division), AccountFields.none()
                .name("Klant " + relationId).status("C").country("NL"));
        mappings.createIfAbsent(new MappingKey(TENANT, division, EntityKind.RELATION, relationId),
                new MappingChange(account.id().toString(), account.code(), null, Map.of()));
    }

    /** Exact writes (creates, updates) the sandbox saw in a division. */
    private int writes(int division) {
        return (int) fx.sandbox.changes().stream().filter(change -> change.division() == division).count();
    }

    private HttpResponseEvent post(String eventId, String invoiceId, Integer division) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"invoice.created\",\"occurredAt\":\""
                + fx.clock.instant() + "\",\"tenant\":\"" + TENANT + "\""
                + (division == null ? "" : ",\"divisions\":[" + division + "]") + ",\"data\":{\"id\":\"" + invoiceId
                + "\",\"number\":\"" + invoiceId + "\",\"kind\":\"invoice\",\"relationId\":\"rel-1001\","
                + "\"date\":\"2026-11-26\",\"dueDate\":\"2026-12-26\",\"currency\":\"EUR\",\"description\":\"Werk\","
                + "\"lines\":[{\"description\":\"Werk\",\"revenueAccount\":\"8000\",\"amount\":\"100.00\","
                + "\"vatRate\":\"21\",\"vatCategory\":\"standard\",\"vatAmount\":\"21.00\",\"projectId\":null}],"
                + "\"totalExclVat\":\"100.00\",\"totalVat\":\"21.00\",\"totalInclVat\":\"121.00\"}}";
        return pipeline.handle(new HttpRequestEvent("/crm/invoices", null, Map.of(CrmSignature.HEADER,
                CrmSignature.sign(ConnectFixture.SECRET, fx.clock.instant(), body.getBytes(StandardCharsets.UTF_8))),
                body, false), invoices);
    }

    private void admin(String method, String route, String body, int expectedStatus) {
        fx.clock.advance(Duration.ofSeconds(1));
        HttpResponseEvent answer = admin.handle(fx.adminRequest(method, ADMIN + route, body,
                ConnectFixture.ADMIN_SECRET));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
    }
}
