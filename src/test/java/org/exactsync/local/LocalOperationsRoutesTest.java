package org.exactsync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.InboundLimits;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local gateway serves the connect and admin routes: a browser's whole consent against the sandbox. */
class LocalOperationsRoutesTest {

    private final ConnectFixture fx = new ConnectFixture();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalCrmGateway gateway;

    @BeforeEach
    void start() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DynamoDbEventStore events = new DynamoDbEventStore(fx.dynamo.client(), fx.table, fx.clock);
        InboundPipeline pipeline = new InboundPipeline(fx.tenants, fx.connections, events, (t, e, type, d) -> { },
                json, fx.clock, InboundLimits.defaults());
        TenantAdmin admin = new TenantAdmin(fx.adminGuard(), new ConnectionAdmin(fx.connections, fx.discovered,
                fx.tokens, fx.links, json), new EventAdmin(events, new EventReplayer(events, pipeline, List.of(),
                fx.clock,
                        Duration.ofMinutes(5), 10), json), fx.ledgerAdmin(), json, null, null);
        gateway = new LocalCrmGateway(true, pipeline, List.of(), 0,
                new LocalOperationsRoutes(fx.start, fx.callback, admin));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
        fx.close();
    }

    @Test
    void aBrowserFollowsTheConnectLinkConsentsAndSeesTheDivisionsThenTheAdminStatusIsActive() throws Exception {
        String link = fx.links.startUrl(ConnectFixture.TENANT).orElseThrow()
                .replace("https://connector.example.test", base());

        HttpResponse<String> toExact = get(link, null);
        HttpResponse<String> fromExact = get(toExact.headers().firstValue("Location").orElseThrow(), null);
        String redirect = fromExact.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(base() + "/exact/callback?" + URI.create(redirect).getRawQuery(), null);
        HttpResponse<String> status = get(base() + "/admin/tenants/acme/connection",
                fx.adminRequest("GET", "/admin/tenants/acme/connection", "", ConnectFixture.ADMIN_SECRET)
                        .header(CrmSignature.HEADER).orElseThrow());

        assertThat(toExact.statusCode()).isEqualTo(302);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stichting Voorbeeld").contains("100002");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"active\"");
        assertThat(get(base() + "/admin/tenants/acme/connection", null).statusCode()).isEqualTo(401);
    }

    private String base() {
        return "http://127.0.0.1:" + gateway.boundPort();
    }

    private HttpResponse<String> get(String url, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (signature != null) {
            request.header(CrmSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
