package org.exactsync.flow.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import java.util.Map;
import java.util.Optional;

import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.WebhookSubscription;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.ModeChange;
import org.exactsync.flow.connect.ConnectFixture;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.flow.payment.DeletedTermFeed;
import org.exactsync.flow.payment.DivisionMoves;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.flow.payment.PaymentTermFeed;
import org.exactsync.flow.payment.WebhookEndpoint;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.store.dynamodb.DynamoDbWebhookReceipts;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Going live subscribes the tenant's divisions at once (the schedule only repairs); a dry run subscribes nothing. */
class GoLiveSubscriptionsAgainstSandboxTest {

    private final ConnectFixture fx = new ConnectFixture();
    private final PaymentStatusUpdater updater = new PaymentStatusUpdater(
            new DynamoDbMappingStore(fx.dynamo.client(), fx.table, fx.clock),
            new DynamoDbPaymentStateStore(fx.dynamo.client(), fx.table, fx.clock), (tenant, entityKey, type, data) -> { });
    private final OpenItemPoll poll = new OpenItemPoll(fx.connections,
            new DynamoDbCursorStore(fx.dynamo.client(), fx.table, fx.clock), new DivisionMoves(fx.client),
            new PaymentTermFeed(fx.client), new DeletedTermFeed(fx.client), updater,
            new DynamoDbDivisionWatchStore(fx.dynamo.client(), fx.table), fx.clock, OpenItemPoll.Timing.defaults());
    /** A real https receiver: Exact (and the sandbox) keep a subscription only when its validation POST is answered. */
    private final WebhookEndpoint endpoint = WebhookEndpoint.open(new ExactWebhookHandler(fx.sandbox.webhookSecret(),
            new DynamoDbWebhookReceipts(fx.dynamo.client(), fx.table), poll, updater, fx.clock,
            new ObjectMapper()));
    private final WebhookSubscriptions subscriptions = new WebhookSubscriptions(fx.client, poll,
            Optional.of(endpoint.url()));
    private final ConnectionAdmin admin = new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links,
            subscriptions, new ObjectMapper());

    @AfterEach
    void close() {
        endpoint.close();
        fx.close();
    }

    @Test
    void goingLiveSubscribesEveryTopicInTheSelectedDivisionsAtOnce() throws Exception {
        fx.connect(ConnectFixture.TENANT);
        ConnectionRecord connection = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        ExactTarget target = new ExactTarget(connection.tokenKey(), connection.divisions().get(0));

        admin.switchMode(ConnectFixture.TENANT, new ModeChange("dry-run"), HttpRequestEvent.get("/mode", Map.of()));
        assertThat(topics(target)).isEmpty();

        admin.switchMode(ConnectFixture.TENANT, new ModeChange("live"), HttpRequestEvent.get("/mode", Map.of()));

        assertThat(topics(target)).containsExactlyInAnyOrderElementsOf(WebhookTopics.SUBSCRIBED);
        assertThat(SandboxFinance.of(fx.sandbox).webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(topics(target)).as("kept after the validation POST was answered")
                .containsExactlyInAnyOrderElementsOf(WebhookTopics.SUBSCRIBED);
    }

    @Test
    void refusesAPlainHttpCallbackUrlBeforeAnyExactCall() throws Exception {
        fx.connect(ConnectFixture.TENANT);
        ConnectionRecord connection = fx.connections.find(ConnectFixture.TENANT).orElseThrow();
        ExactTarget target = new ExactTarget(connection.tokenKey(), connection.divisions().get(0));
        int callsBefore = fx.sandbox.calls().totalCalls(target.division());

        assertThatThrownBy(() -> subscriptions.ensure(target, "http://127.0.0.1:8090/exact/webhooks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connector.exact-webhook.callback-url").hasMessageContaining("https");
        assertThatThrownBy(() -> new WebhookSubscriptions(fx.client, poll, Optional.of("http://example.test/h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connector.exact-webhook.callback-url");
        assertThat(fx.sandbox.calls().totalCalls(target.division())).isEqualTo(callsBefore);
    }

    private java.util.List<String> topics(ExactTarget target) {
        return fx.client.webhookSubscriptions(target).stream().map(WebhookSubscription::topic).toList();
    }
}
