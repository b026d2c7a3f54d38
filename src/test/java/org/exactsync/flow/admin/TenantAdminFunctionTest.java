package org.exactsync.flow.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.ConnectCallback;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.flow.connect.ConnectStart;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.exactsync.testsupport.DynamoDbTestResource;
import org.exactsync.testsupport.ExactSandboxTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code tenant-admin} through the Lambda mock event server (API Gateway proxy events in, proxy answers out), after a
 * consent made with the application's own connect beans against the Exact sandbox; DynamoDB is dynalite.
 */
@QuarkusTest
@TestProfile(TenantAdminProfile.class)
@QuarkusTestResource(value = DynamoDbTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "table", value = "tenant-admin-function"))
@QuarkusTestResource(value = ExactSandboxTestResource.class, restrictToAnnotatedClass = true)
class TenantAdminFunctionTest {

    private static final String TENANT = "default";
    private static final String SECRET = "test-admin-secret";

    @Inject
    ConnectLinks links;
    @Inject
    ConnectStart start;
    @Inject
    ConnectCallback callback;
    @Inject
    ConnectionStore connections;
    @Inject
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void connectsThenReadsStatusSelectsDivisionsAndGoesLiveThroughTheFunction() throws Exception {
        JsonNode before = invoke("GET", "/admin/tenants/default/connection", "", 200);
        assertThat(before.get("status").asText()).isEqualTo("not-connected");
        assertThat(before.get("connectUrl").asText()).startsWith("https://api.example.test/exact/connect?");

        consent(before.get("connectUrl").asText());
        JsonNode connected = invoke("GET", "/admin/tenants/default/connection", "", 200);
        JsonNode selected = invoke("PUT", "/admin/tenants/default/divisions",
                "{\"divisions\":[100001,100002],\"defaultDivisions\":[100002]}", 200);
        JsonNode live = invoke("PUT", "/admin/tenants/default/mode", "{\"mode\":\"live\"}", 200);
        JsonNode failed = invoke("GET", "/admin/tenants/default/events?status=failed&limit=5", "", 200);

        assertThat(connected.get("status").asText()).isEqualTo("active");
        assertThat(connected.get("available")).hasSize(3);
        assertThat(selected.get("defaultDivisions").toString()).isEqualTo("[100002]");
        assertThat(live.get("mode").asText()).isEqualTo("live");
        assertThat(connections.find(TENANT).orElseThrow().mode()).isEqualTo(SyncMode.LIVE);
        assertThat(failed.get("events")).isEmpty();
        invoke("GET", "/admin/tenants/default/events?status=done", "", 400);
    }

    /** Follows the link through the application's connect beans and the sandbox's consent page. */
    private void consent(String link) throws Exception {
        HttpResponseEvent redirect = start.start(HttpRequestEvent.get(ConnectLinks.START_PATH,
                ConnectFixture.query(link)));
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<Void> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(redirect.headers().get("Location"))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String back = page.headers().firstValue("Location").orElseThrow();
        HttpResponseEvent done = callback.callback(HttpRequestEvent.get("/exact/callback", ConnectFixture.query(back)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().get("Content-Type")).startsWith("text/html");
    }

    /** An HTTP API v2 proxy event (method in requestContext), signed with the tenant's inbound secret. */
    private JsonNode invoke(String method, String pathAndQuery, String body, int expectedStatus) throws Exception {
        int q = pathAndQuery.indexOf('?');
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("rawPath", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        event.put("rawQueryString", q < 0 ? "" : pathAndQuery.substring(q + 1));
        event.put("queryStringParameters", q < 0 ? Map.of() : ConnectFixture.query("http://x" + pathAndQuery));
        event.put("requestContext", Map.of("http", Map.of("method", method, "path", pathAndQuery)));
        // The admin secret, route-bound (method, path, query, body).
        event.put("headers", Map.of(CrmSignature.HEADER.toLowerCase(), RouteSignature.sign(SECRET, clock.instant(),
                method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), "/admin/",
                q < 0 ? Map.of() : ConnectFixture.query("http://x" + pathAndQuery),
                body.getBytes(StandardCharsets.UTF_8))));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        String response = given().contentType("application/json").body(json.writeValueAsString(event))
                .when().post("/")
                .then().statusCode(200).extract().asString();
        JsonNode proxy = json.readTree(response);
        assertThat(proxy.get("statusCode").asInt()).as(response).isEqualTo(expectedStatus);
        return json.readTree(proxy.get("body").asText());
    }
}
