package org.exactsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS adapter over real HTTP against a stand-in of Lambda's Invoke API: one asynchronous invocation of the running
 * function's version per work item, the item as its input.
 */
class LambdaWorkDispatcherTest {

    record Seen(String method, String path, String query, String invocationType, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile int answer = 202;
    private HttpServer server;
    private LambdaClient lambda;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::invoke);
        server.start();
        lambda = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build();
    }

    @AfterEach
    void stop() {
        lambda.close();
        server.stop(0);
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                body));
        byte[] reply = answer == 202 ? new byte[0]
                : "{\"Type\":\"User\",\"message\":\"Function not found\"}".getBytes(StandardCharsets.UTF_8);
        if (answer != 202) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
        }
        exchange.sendResponseHeaders(answer, reply.length == 0 ? -1 : reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Test
    void invokesTheRunningVersionAsynchronouslyOncePerWorkItem() throws Exception {
        LambdaWorkDispatcher dispatcher = new LambdaWorkDispatcher(() -> lambda, "stack-open-item-poll", "7", json);

        WorkDispatcher.Dispatched<String> dispatched = dispatcher.dispatch(List.of(
                new WorkItem("r-1", "acme", 1), new WorkItem("r-1", "acme", 2), new WorkItem("r-1", "globex", null)),
                item -> "never run here");

        assertThat(dispatched.refused()).isEmpty();
        assertThat(dispatched.results()).as("the workers run in their own invocations").isEmpty();
        assertThat(seen).hasSize(3).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/2015-03-31/functions/stack-open-item-poll/invocations");
            assertThat(call.query()).isEqualTo("Qualifier=7");
            assertThat(call.invocationType()).isEqualTo("Event");
        });
        JsonNode first = json.readTree(seen.get(0).body());
        assertThat(first.get("round").asText()).isEqualTo("r-1");
        assertThat(first.get("tenant").asText()).isEqualTo("acme");
        assertThat(first.get("division").asInt()).isEqualTo(1);
        assertThat(json.readTree(seen.get(2).body()).has("division")).as("tenant-wide work").isFalse();
    }

    @Test
    void reportsAnItemLambdaRefuses() {
        answer = 404;
        LambdaWorkDispatcher dispatcher = new LambdaWorkDispatcher(() -> lambda, "stack-event-replay", "$LATEST",
                json);

        WorkDispatcher.Dispatched<String> dispatched = dispatcher.dispatch(List.of(new WorkItem("r-2", "acme", 1)),
                item -> "never run here");

        assertThat(dispatched.refused()).extracting(WorkItem::label).containsExactly("acme/1");
        assertThat(seen.get(0).query()).as("$LATEST is invoked unqualified").isNull();
    }
}
