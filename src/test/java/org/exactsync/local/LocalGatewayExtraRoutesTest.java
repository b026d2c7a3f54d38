package org.exactsync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local gateway hands non-event routes (Exact webhooks, query GETs) the raw body and decoded query. */
class LocalGatewayExtraRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<HttpRequestEvent> request = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> query = new AtomicReference<>();
    private LocalCrmGateway gateway;

    @BeforeEach
    void start() throws Exception {
        LocalHttpRoute route = new LocalHttpRoute() {
            @Override
            public String path() {
                return "/exact/webhooks";
            }

            @Override
            public HttpResponseEvent handle(String m, HttpRequestEvent r, Map<String, String> q) {
                method.set(m);
                request.set(r);
                query.set(q);
                return HttpResponseEvent.json(202, "{\"seen\":true}");
            }
        };
        gateway = new LocalCrmGateway(true, null, List.of(), 0, List.of(route));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void passesMethodRawBodyAndDecodedQueryToTheRoute() throws Exception {
        String body = "{\"Content\":{\"Topic\":\"SalesEntries\"},  \"HashCode\":\"Ä\"}";

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.boundPort() + "/exact/webhooks?tenant=acme%231&relationId=rel+1&relationId=second"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(method.get()).isEqualTo("POST");
        assertThat(new String(request.get().rawBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(query.get()).containsEntry("tenant", "acme#1").containsEntry("relationId", "rel 1");
    }

    @Test
    void otherPathsStillGoToTheCrmRoutes() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.boundPort() + "/exact/other")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(request.get()).isNull();
    }
}
