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
 * the validation POST, HashCode checks, de-duplication, notifications that cost no Exact call (the connector's own
 * bookings, deletions), one read per division for any number of notifications, and one callback whether webhook or
 * sweep sees a change first.
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
        fx.poll.scheduled(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();

        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("210.00"),
                PAID_ON);
        awaitDeliveries();
        int before = fx.calls();
        stepAfter(PaymentFlowFixture.TIMING.readInterval());

        assertThat(endpoint.notifications()).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(fx.calls() - before).isEqualTo(1);
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
        stepAfter(PaymentFlowFixture.TIMING.readInterval());
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
        assertThat(fx.calls()).isEqualTo(before);
        stepAfter(PaymentFlowFixture.TIMING.readInterval());
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

        assertThat(first.body()).contains("\"queued\"");
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

    @Test
    void theConnectorsOwnBookingsCostNoExactCallAndMarkNothing() throws Exception {
        fx.poll.scheduled(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();
        int before = fx.calls();

        for (int i = 1; i <= 5; i++) {
            fx.bookInvoice("inv-" + i, "100.00");
        }
        awaitDeliveries();

        // Both topics of each booking (SalesEntries and FinancialTransactions, Create, Key = EntryID).
        assertThat(endpoint.notifications()).hasSize(10)
                .allSatisfy(d -> assertThat(d.answer()).contains("new-entry"));
        assertThat(fx.calls() - before).isEqualTo(5);
        assertThat(fx.watches.find(PaymentFlowFixture.TENANT, PaymentFlowFixture.DIVISION).orElseThrow()
                .changedAt()).isNull();
        fx.clock.advance(PaymentFlowFixture.TIMING.readInterval());
        assertThat(fx.poll.scheduled(fx.target).changes()).isZero();
        assertThat(fx.calls() - before).isEqualTo(5);
    }

    @Test
    void manyPaymentsAreReadOnceAfterTheDebounceAndNotBeforeTheReadInterval() throws Exception {
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            entries.add(fx.bookInvoice("inv-" + i, "100.00"));
        }
        fx.poll.scheduled(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();
        fx.clock.advance(PaymentFlowFixture.TIMING.readInterval());
        int before = fx.calls();

        fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(entries.get(0)), PAID_ON);
        awaitDeliveries();
        DivisionPollResult tooEarly = fx.poll.scheduled(fx.target);
        for (String entry : entries.subList(1, 5)) {
            fx.finance.payInFull(PaymentFlowFixture.DIVISION, UUID.fromString(entry), PAID_ON);
        }
        awaitDeliveries();
        fx.clock.advance(PaymentFlowFixture.TIMING.debounce());
        DivisionPollResult read = fx.poll.scheduled(fx.target);
        fx.finance.registerPayment(PaymentFlowFixture.DIVISION, UUID.fromString(fx.bookInvoice("inv-6", "100.00")),
                new BigDecimal("1.00"), PAID_ON);
        awaitDeliveries();
        fx.clock.advance(PaymentFlowFixture.TIMING.debounce());
        DivisionPollResult withinInterval = fx.poll.scheduled(fx.target);

        assertThat(endpoint.notifications()).filteredOn(d -> d.answer().contains("queued")).hasSize(6);
        assertThat(tooEarly.changes()).isZero();
        assertThat(read.callbacks()).isEqualTo(5);
        assertThat(withinInterval.changes()).isZero();
        // One read for five payments; the booking of inv-6 is its POST.
        assertThat(fx.calls() - before).isEqualTo(1 + 1);
        stepAfter(PaymentFlowFixture.TIMING.readInterval());
        assertThat(fx.callbacks.statusChanges()).hasSize(6);
    }

    @Test
    void aDeletedEntryIsReportedFromItsNotificationWithoutAnExactCall() throws Exception {
        String entry = fx.bookInvoice("inv-1", "100.00");
        fx.poll.scheduled(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();
        int before = fx.calls();

        fx.finance.deleteEntry(PaymentFlowFixture.DIVISION, UUID.fromString(entry));
        awaitDeliveries();

        assertThat(fx.calls()).isEqualTo(before);
        assertThat(endpoint.notifications()).extracting(WebhookEndpoint.Delivery::answer)
                .anySatisfy(answer -> assertThat(answer).contains("\"deleted\""));
        assertThat(fx.callbacks.entryChanges()).extracting(InvoiceChangedInExact::change).containsExactly("deleted");
        assertThat(fx.callbacks.statusChanges()).isEmpty();
        // The sweep finds the same deletion in sync/Deleted and sends nothing again.
        fx.clock.advance(PaymentFlowFixture.TIMING.sweepInterval());
        fx.poll.scheduled(fx.target);
        assertThat(fx.callbacks.entryChanges()).hasSize(1);
    }

    @Test
    void theBookkeepersCorrectionByWebhookIsAnAmountChangeAndNoPayment() throws Exception {
        String entry = fx.bookInvoice("inv-1", "100.00");
        fx.poll.scheduled(fx.target);
        fx.subscriptions(endpoint.url()).ensure(fx.target, endpoint.url());
        awaitDeliveries();

        fx.finance.correctSalesLine(PaymentFlowFixture.DIVISION, UUID.fromString(entry), new BigDecimal("90.00"),
                new BigDecimal("18.90"));
        awaitDeliveries();
        stepAfter(PaymentFlowFixture.TIMING.readInterval());

        assertThat(fx.callbacks.statusChanges()).isEmpty();
        assertThat(fx.callbacks.entryChanges()).extracting(InvoiceChangedInExact::change, InvoiceChangedInExact::exactTotal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amount", "108.90"));
    }

    /** The schedule's next step, {@code after} from now. */
    private void stepAfter(Duration after) {
        fx.clock.advance(after);
        fx.poll.scheduled(fx.target);
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
