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
            Duration.ZERO);
    private final WebhookSubscriptionSet mine = new WebhookSubscriptionSet("app-1", dispatcher,
            () -> "https://start.exactonline.nl", false, context.clock);

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
    void refusesPlainHttpWhenHttpsIsRequired() {
        WebhookSubscriptionSet strict = new WebhookSubscriptionSet("app-1", dispatcher, () -> "", true,
                context.clock);
        assertThatThrownBy(() -> strict.create(fx.division,
                Map.of("CallbackURL", "http://x.test/h", "Topic", "Accounts"), context))
                .hasMessage("Ongeldig: CallbackURL");
    }

    @Test
    void showsAnAppOnlyItsOwnSubscriptions() {
        WebhookSubscriptionSet other = new WebhookSubscriptionSet("app-2", dispatcher, () -> "", false,
                context.clock);
        mine.create(fx.division, Map.of("CallbackURL", "https://a.test/h", "Topic", "Accounts"), context);
        other.create(fx.division, Map.of("CallbackURL", "https://b.test/h", "Topic", "Accounts"), context);

        assertThat(mine.list(fx.division, context)).extracting(r -> r.get("CallbackURL"))
                .containsExactly("https://a.test/h");
        Object othersId = other.list(fx.division, context).get(0).get("ID");
        assertThatThrownBy(() -> mine.delete(fx.division, othersId, context))
                .isInstanceOfSatisfying(ExactFault.class, f -> assertThat(f.status()).isEqualTo(404));
    }

    @Test
    void notifiesOnlySubscriptionsOfTheTopicInThatDivision() throws Exception {
        mine.create(fx.division, Map.of("CallbackURL", "http://127.0.0.1:9/accounts", "Topic", "Accounts"), context);
        mine.create(fx.division, Map.of("CallbackURL", "http://127.0.0.1:9/sales", "Topic", "SalesEntries"),
                context);
        UUID key = UUID.randomUUID();

        mine.onChange(new ChangeEvent(FinanceFixture.DIVISION, "SalesEntries", key, "Update", null,
                context.clock.instant()));
        mine.onChange(new ChangeEvent(999, "SalesEntries", key, "Update", null, context.clock.instant()));
        assertThat(dispatcher.awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(dispatcher.deliveries()).filteredOn(d -> !d.validation()).singleElement().satisfies(d -> {
            assertThat(d.callbackUrl()).isEqualTo("http://127.0.0.1:9/sales");
            assertThat(d.body()).contains("\"Key\":\"" + key + "\"").contains("\"Action\":\"Update\"")
                    .contains("\"ExactOnlineEndpoint\":\"https://start.exactonline.nl/api/v1/123456/"
                            + "salesentry/SalesEntries(guid'" + key + "')\"");
            assertThat(d.status()).as("nothing listens on port 9").isEqualTo(-1);
        });
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
