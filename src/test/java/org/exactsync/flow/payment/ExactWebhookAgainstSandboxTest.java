package org.exactsync.flow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.flow.payment.webhook.WebhookSubscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Exact's webhooks as the accelerator, with the sandbox delivering real notifications: subscriptions per division,
 * the validation POST, HashCode checks, de-duplication, and one callback whether webhook or sweep sees a change first.
 */
class ExactWebhookAgainstSandboxTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 25);

    private final ObjectMapper json = new ObjectMapper();
    private PaymentFlowFixture fx;
    private WebhookEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        fx = new PaymentFlowFixture();
        endpoint = new WebhookEndpoint(fx.webhooks);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        fx.close();
    }

    @Test
    void subscribesOncePerTopicAnswersTheValidationPostAndStaysIdempotent() throws Exception {
        WebhookSubscriptions subscriptions = fx.subscriptions(endpoint.url());

        WebhookSubscriptions.Ensured first = subscriptions.ensure(fx.target, endpoint.url());
        awaitDeliveries();
        int callsBefore = fx.calls();
        WebhookSubscriptions.Ensured second = subscriptions.ensure(fx.target, endpoint.url());
        WebhookSubscriptions.Ensured moved = subscriptions.ensure(fx.target, endpoint.url() + "?v=2");

        assertThat(first.created()).isEqualTo(2);
        assertThat(second).isEqualTo(new WebhookSubscriptions.Ensured(0, 0));
        assertThat(fx.calls() - callsBefore).isEqualTo(1 + 1 + 2 + 2);
        assertThat(moved).isEqualTo(new WebhookSubscriptions.Ensured(2, 2));
        assertThat(fx.client.query(fx.target, "webhooks/WebhookSubscriptions",
                ODataQuery.select("Topic", "CallbackURL")).map(r -> r.string("CallbackURL")).toList())
                .containsOnly(endpoint.url() + "?v=2");
        // The empty validation POSTs got a 2xx.
        assertThat(endpoint.deliveries).filteredOn(d -> d.body().length == 0).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    }

    @Test
    void aPaymentSeenByWebhookAndThenBySweepGivesOneCallback() throws Exception {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();

        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("210.00"),
                PAID_ON);
        awaitDeliveries();

        assertThat(endpoint.notifications()).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(fx.callbacks.statusChanges()).containsExactly(new PaymentStatusChanged("inv-1",
                PaymentFlowFixture.DIVISION, "partially-paid", "1000.00", "210.00", "2026-11-25"));

        DivisionPollResult sweep = fx.poll.sweep(fx.target);

        assertThat(sweep.callbacks()).isZero();
        assertThat(fx.callbacks.statusChanges()).hasSize(1);
    }

    @Test
    void aPaymentSeenBySweepFirstIsNotSentAgainWhenItsWebhookArrives() throws Exception {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();
        fx.finance.webhooks().faults().dropNext(10);
        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(entry), PAID_ON);
        fx.finance.webhooks().awaitIdle(Duration.ofSeconds(5));
        fx.finance.webhooks().faults().reset();
        fx.poll.sweep(fx.target);
        assertThat(fx.callbacks.statusChanges()).hasSize(1);

        // The late notification, rebuilt as Exact would sign it.
        HttpResponseEvent late = fx.webhooks.handle(WebhookEndpoint.request(signedNotification(
                "{\"Topic\":\"FinancialTransactions\",\"ClientId\":\"x\",\"Division\":100001,\"Action\":\"Create\","
                        + "\"Key\":\"" + UUID.randomUUID() + "\"}")));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(fx.callbacks.statusChanges()).hasSize(1);
    }

    @Test
    void refusesAForgedOrReSerialisedNotificationWithoutCallingExact() throws Exception {
        String entry = fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();
        fx.finance.webhooks().faults().dropNext(10);
        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("1.00"),
                PAID_ON);
        fx.finance.webhooks().awaitIdle(Duration.ofSeconds(5));
        fx.finance.webhooks().faults().reset();
        String genuine = fx.finance.webhooks().deliveries().stream()
                .filter(d -> !d.validation() && d.body() != null && !d.body().isEmpty())
                .map(d -> d.body()).reduce((a, b) -> b).orElseThrow();
        JsonNode parsed = json.readTree(genuine);
        String hash = parsed.get("HashCode").asText();
        ObjectNode reordered = json.createObjectNode();
        List.of("Key", "Action", "Division", "ClientId", "Topic", "ExactOnlineEndpoint", "EventCreatedOn")
                .forEach(field -> reordered.set(field, parsed.get("Content").get(field)));
        String reserialised = "{\"Content\":" + reordered + ",\"HashCode\":\"" + hash + "\"}";
        String forged = "{\"Content\":" + parsed.get("Content") + ",\"HashCode\":\""
                + org.exactsync.flow.payment.webhook.ExactWebhookSignature.hashCode("guessed-secret",
                        parsed.get("Content").toString().getBytes(StandardCharsets.UTF_8)) + "\"}";
        int before = fx.calls();

        HttpResponseEvent forgedAnswer = fx.webhooks.handle(WebhookEndpoint.request(forged.getBytes(
                StandardCharsets.UTF_8)));
        HttpResponseEvent reserialisedAnswer = fx.webhooks.handle(WebhookEndpoint.request(reserialised.getBytes(
                StandardCharsets.UTF_8)));

        assertThat(forgedAnswer.statusCode()).isEqualTo(401);
        assertThat(reserialisedAnswer.statusCode()).isEqualTo(401);
        assertThat(fx.calls()).isEqualTo(before);
        assertThat(fx.callbacks.statusChanges()).isEmpty();

        HttpResponseEvent real = fx.webhooks.handle(WebhookEndpoint.request(genuine.getBytes(StandardCharsets.UTF_8)));
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(fx.callbacks.statusChanges()).hasSize(1);
    }

    @Test
    void aDuplicateDeliveryIsAnsweredWithoutAnotherExactCall() throws Exception {
        fx.bookInvoice("inv-1", "1000.00");
        fx.poll.sweep(fx.target);
        byte[] notification = signedNotification("{\"Topic\":\"FinancialTransactions\",\"ClientId\":\"x\","
                + "\"Division\":100001,\"Action\":\"Create\",\"Key\":\"" + UUID.randomUUID() + "\"}");

        HttpResponseEvent first = fx.webhooks.handle(WebhookEndpoint.request(notification));
        int before = fx.calls();
        HttpResponseEvent again = fx.webhooks.handle(WebhookEndpoint.request(notification));

        assertThat(first.body()).contains("\"checked\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\"");
        assertThat(fx.calls()).isEqualTo(before);
    }

    @Test
    void answersTheEmptyValidationPostAndIgnoresTopicsWithoutPayments() throws Exception {
        int before = fx.calls();

        HttpResponseEvent validation = fx.webhooks.handle(WebhookEndpoint.request(new byte[0]));
        HttpResponseEvent accounts = fx.webhooks.handle(WebhookEndpoint.request(signedNotification(
                "{\"Topic\":\"Accounts\",\"Division\":100001,\"Action\":\"Update\",\"Key\":\"" + UUID.randomUUID()
                        + "\"}")));

        assertThat(validation.statusCode()).isEqualTo(200);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("ignored");
        assertThat(fx.calls()).isEqualTo(before);
    }

    private byte[] signedNotification(String content) {
        String hash = org.exactsync.flow.payment.webhook.ExactWebhookSignature.hashCode(fx.sandbox.webhookSecret(),
                content.getBytes(StandardCharsets.UTF_8));
        return ("{\"Content\":" + content + ",\"HashCode\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void awaitDeliveries() throws InterruptedException {
        assertThat(fx.finance.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
