package org.exactsync.flow.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static final String CALLBACK = "https://connector.example.test/exact/webhooks";

    private final ConnectFixture fx = new ConnectFixture();
    private final OpenItemPoll poll = new OpenItemPoll(fx.connections,
            new DynamoDbCursorStore(fx.dynamo.client(), fx.table, fx.clock), new DivisionMoves(fx.client),
            new PaymentTermFeed(fx.client), new DeletedTermFeed(fx.client),
            new PaymentStatusUpdater(new DynamoDbMappingStore(fx.dynamo.client(), fx.table, fx.clock),
                    new DynamoDbPaymentStateStore(fx.dynamo.client(), fx.table, fx.clock),
                    (tenant, entityKey, type, data) -> { }),
            new DynamoDbDivisionWatchStore(fx.dynamo.client(), fx.table), fx.clock, OpenItemPoll.Timing.defaults());
    private final WebhookSubscriptions subscriptions = new WebhookSubscriptions(fx.client, poll,
            Optional.of(CALLBACK));
    private final ConnectionAdmin admin = new ConnectionAdmin(fx.connections, fx.discovered, fx.tokens, fx.links,
            subscriptions, new ObjectMapper());

    @AfterEach
    void close() {
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
    }

    private java.util.List<String> topics(ExactTarget target) {
        return fx.client.webhookSubscriptions(target).stream().map(WebhookSubscription::topic).toList();
    }
}
