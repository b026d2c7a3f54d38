package org.exactsync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local run's gateway serves the contract's routes over HTTP with the raw bytes intact. */
class LocalCrmGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    /** Stands in for the relation flow. */
    static final class RelationStub implements EventHandler<JsonNode> {
        @Override
        public String type() {
            return "relation.upserted";
        }

        @Override
        public Class<JsonNode> dataType() {
            return JsonNode.class;
        }

        @Override
        public List<Problem> validate(JsonNode data) {
            return List.of();
        }

        @Override
        public Outcome process(AcceptedEvent<JsonNode> event) {
            return new Outcome.Done(List.of(event.data().get("id").asText()));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalCrmGateway gateway;

    @BeforeEach
    void start() throws Exception {
        AdjustableClock clock = AdjustableClock.frozenAt(NOW);
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("gateway");
        DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        connections.save(new ConnectionRecord("default", "https://start.exactonline.nl", "u", "c", List.of(100),
                List.of(100), ConnectionStatus.ACTIVE, SyncMode.DRY_RUN, null, null, 0));
        InboundPipeline pipeline = new InboundPipeline(
                new TenantSettings(List.of(new Tenant("default", "s", "o", Optional.empty(), ConflictPolicy.REPORT,
                        List.of()))),
                connections, new DynamoDbEventStore(dynamo.client(), table, clock), (t, e, type, d) -> { },
                new ObjectMapper(), clock, InboundLimits.defaults());
        gateway = new LocalCrmGateway(true, pipeline, List.of(new RelationStub()), 0);
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private HttpResponse<String> post(String path, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.boundPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Crm-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheRelationsRouteThroughThePipeline() throws Exception {
        // Non-ASCII and odd spacing: the signature must see exactly these bytes.
        String body = "{ \"eventId\":\"evt-1\", \"type\":\"relation.upserted\",\"occurredAt\":\"2026-11-26T10:15:00Z\","
                + "\"data\":{\"id\":\"rel-1001\",\"name\":\"Café Ümlaut\"}}";
        String signature = CrmSignature.sign("s", NOW, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post("/crm/relations", body, signature);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"synced\",\"results\":[\"rel-1001\"]}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void refusesAnUnsignedRequestWith401() throws Exception {
        assertThat(post("/crm/relations", "{}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void answers404ForARouteWhoseFlowIsNotThereYetAndForUnknownPaths() throws Exception {
        assertThat(post("/crm/invoices", "{}", null).statusCode()).isEqualTo(404);
        assertThat(post("/crm/unknown", "{}", null).statusCode()).isEqualTo(404);
    }

    @Test
    void answers405ForAGet() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.boundPort() + "/crm/relations")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
