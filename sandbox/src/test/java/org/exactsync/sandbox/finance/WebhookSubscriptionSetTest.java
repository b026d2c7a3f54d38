package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.time.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionSetTest {

    private final FinanceFixture fx = new FinanceFixture();
    private final RecordingContext context = new RecordingContext();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(context.clock, "s3cret", 7L, Sleeper.system(),
            Duration.ZERO, LocalReceiverTls.clientContext());
    private final WebhookSubscriptionSet mine = new WebhookSubscriptionSet("app-1", dispatcher,
            () -> "https://start.exactonline.nl", context.clock);

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    @Test
    void refusesMissingTopic() {
        assertThatThrownBy(() -> mine.create(fx.division, Map.of("CallbackURL", "https://x.test/h"), context))
                .isInstanceOf(ExactFault.class).hasMessage("Verplicht: Topic");
    }

    @Test
    void refusesUnknownTopic() {
        assertThatThrownBy(() -> mine.create(fx.division,
                Map.of("CallbackURL", "https://x.test/h", "Topic", "Receivables"), context))
                .hasMessage("Ongeldig: Topic");
    }

    @Test
    void allowsIsInstantOnlyForGoodsDeliveries() {
        assertThatThrownBy(() -> mine.create(fx.division,
                Map.of("CallbackURL", "https://x.test/h", "Topic", "Accounts", "IsInstant", true), context))
                .hasMessage("IsInstant is only allowed for topic GoodsDeliveries");
    }

    @Test
    void refusesAPlainHttpCallback() {
        assertThatThrownBy(() -> mine.create(fx.division,
                Map.of("CallbackURL", "http://127.0.0.1:8080/h", "Topic", "Accounts"), context))
                .isInstanceOfSatisfying(ExactFault.class, f -> assertThat(f.status()).isEqualTo(400))
                .hasMessage("Ongeldig: CallbackURL");
        assertThat(mine.list(fx.division, context)).isEmpty();
    }

    @Test
    void dropsASubscriptionWhoseValidationPostGetsA500() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver(500); WebhookReceiver fine = new WebhookReceiver()) {
            mine.create(fx.division, Map.of("CallbackURL", failing.url(), "Topic", "Accounts"), context);
            mine.create(fx.division, Map.of("CallbackURL", fine.url(), "Topic", "Accounts"), context);
            assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(failing.received).as("the validation POST was made").hasSize(1);
            assertThat(mine.list(fx.division, context)).extracting(r -> r.get("CallbackURL"))
                    .containsExactly(fine.url());
        }
    }

    @Test
    void dropsASubscriptionWhoseReceiverCannotBeReached() throws Exception {
        mine.create(fx.division, Map.of("CallbackURL", "https://127.0.0.1:9/h", "Topic", "Accounts"), context);
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(mine.list(fx.division, context)).isEmpty();
    }

    @Test
    void showsAnAppOnlyItsOwnSubscriptions() throws Exception {
        WebhookSubscriptionSet other = new WebhookSubscriptionSet("app-2", dispatcher, () -> "", context.clock);
        try (WebhookReceiver a = new WebhookReceiver(); WebhookReceiver b = new WebhookReceiver()) {
            mine.create(fx.division, Map.of("CallbackURL", a.url(), "Topic", "Accounts"), context);
            other.create(fx.division, Map.of("CallbackURL", b.url(), "Topic", "Accounts"), context);
            assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(mine.list(fx.division, context)).extracting(r -> r.get("CallbackURL"))
                    .containsExactly(a.url());
            Object othersId = other.list(fx.division, context).get(0).get("ID");
            assertThatThrownBy(() -> mine.delete(fx.division, othersId, context))
                    .isInstanceOfSatisfying(ExactFault.class, f -> assertThat(f.status()).isEqualTo(404));
        }
    }

    @Test
    void notifiesOnlySubscriptionsOfTheTopicInThatDivision() throws Exception {
        try (WebhookReceiver accounts = new WebhookReceiver(); WebhookReceiver sales = new WebhookReceiver()) {
            mine.create(fx.division, Map.of("CallbackURL", accounts.url(), "Topic", "Accounts"), context);
            mine.create(fx.division, Map.of("CallbackURL", sales.url(), "Topic", "SalesEntries"), context);
            assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();
            UUID key = UUID.randomUUID();

            mine.onChange(new ChangeEvent(FinanceFixture.DIVISION, "SalesEntries", key, "Update", null,
                    context.clock.instant()));
            mine.onChange(new ChangeEvent(999, "SalesEntries", key, "Update", null, context.clock.instant()));
            assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(dispatcher.deliveries()).filteredOn(d -> !d.validation()).singleElement().satisfies(d -> {
                assertThat(d.callbackUrl()).isEqualTo(sales.url());
                assertThat(d.body()).contains("\"Key\":\"" + key + "\"").contains("\"Action\":\"Update\"")
                        .contains("\"ExactOnlineEndpoint\":\"https://start.exactonline.nl/api/v1/123456/"
                                + "salesentry/SalesEntries(guid'" + key + "')\"");
                assertThat(d.status()).isEqualTo(200);
            });
            assertThat(accounts.notifications()).isEmpty();
        }
    }

    @Test
    void signsTheContentWithUpperCaseHexHmac() {
        WebhookSigner signer = new WebhookSigner("key");
        // The widely published HMAC-SHA256 example: key "key", message "The quick brown fox jumps over
        // the lazy dog"
        assertThat(signer.hashCode("The quick brown fox jumps over the lazy dog".getBytes()))
                .isEqualTo("F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8");
    }
}
