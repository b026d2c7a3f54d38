package org.exactsync.flow.payment.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.ExactConfig;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.WebhookReceipts;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receives Exact's webhook POSTs: answers the empty validation POST with 200, refuses anything whose
 * {@code HashCode} does not match the raw {@code Content} bytes (401), handles each notification once (receipt per
 * content digest), and answers without reading Exact (docs/payment-status.md):
 * <ul>
 * <li>a new entry ({@code SalesEntries} {@code Create}, and its {@code FinancialTransactions} {@code Create}, e.g. the
 * connector's own booking) cannot change a payment: nothing to do;</li>
 * <li>a deleted entry the connector booked ({@code Delete}, {@code Key} = {@code EntryID}) is reported as deleted at
 * once;</li>
 * <li>anything else (a payment, a bookkeeper's change) marks the division changed; the schedule's next step reads it
 * once for all notifications of the meantime ({@link OpenItemPoll#scheduled}).</li>
 * </ul>
 * The scheduled sweep stays the safety net for anything missed.
 */
@ApplicationScoped
public class ExactWebhookHandler {

    /** How long a notification is remembered; Exact's redelivery timing is unknown, a week is generous. */
    private static final Duration RECEIPT_LIFETIME = Duration.ofDays(7);

    private final String secret;
    private final WebhookReceipts receipts;
    private final OpenItemPoll poll;
    private final PaymentStatusUpdater updater;
    private final Clock clock;
    private final ObjectMapper json;

    @Inject
    public ExactWebhookHandler(ExactConfig config, WebhookReceipts receipts, OpenItemPoll poll,
            PaymentStatusUpdater updater, Clock clock, ObjectMapper json) {
        this(config.webhookSecret(), receipts, poll, updater, clock, json);
    }

    /** For tests and tools: an explicit webhook secret. */
    public ExactWebhookHandler(String secret, WebhookReceipts receipts, OpenItemPoll poll,
            PaymentStatusUpdater updater, Clock clock, ObjectMapper json) {
        this.secret = secret;
        this.receipts = receipts;
        this.poll = poll;
        this.updater = updater;
        this.clock = clock;
        this.json = json;
    }

    /** Handles one request as API Gateway delivers it. */
    public HttpResponseEvent handle(HttpRequestEvent request) {
        byte[] body = request.rawBody();
        if (body.length == 0) {
            // Exact's validation handshake right after subscribing: an empty POST that must get a 2xx.
            return HttpResponseEvent.json(200, "{\"status\":\"validated\"}");
        }
        Optional<byte[]> content = ExactWebhookSignature.verifiedContent(body, secret);
        if (content.isEmpty()) {
            return HttpResponseEvent.json(401, "{\"error\":\"unauthorized\",\"message\":\"HashCode does not match\"}");
        }
        ExactNotification notification;
        try {
            notification = json.readValue(content.get(), ExactNotification.class);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return HttpResponseEvent.json(400, "{\"error\":\"validation\",\"message\":\"Content is not a notification\"}");
        }
        if (notification.division() == null || notification.division() <= 0) {
            return HttpResponseEvent.json(400, "{\"error\":\"validation\",\"message\":\"Content has no Division\"}");
        }
        if (notification.topic() == null || !WebhookTopics.PAYMENT_RELEVANT.contains(notification.topic())) {
            return HttpResponseEvent.json(200, "{\"status\":\"ignored\"}");
        }
        Instant now = clock.instant();
        if (!receipts.firstDelivery(notification.division(), digest(content.get()), now,
                now.plus(RECEIPT_LIFETIME))) {
            return HttpResponseEvent.json(200, "{\"status\":\"duplicate\"}");
        }
        int division = notification.division();
        String key = notification.key() == null ? null : notification.key().toLowerCase();
        String action = notification.action() == null ? "" : notification.action().toLowerCase();
        boolean entryTopic = WebhookTopics.ENTRY_TOPICS.contains(notification.topic());
        if (entryTopic && key != null && action.startsWith("create")) {
            // A new entry is all open: it cannot change a booked invoice's payment. The two topics of one entry
            // arrive separately; whichever comes second finds the first one's claim.
            boolean first = receipts.firstDelivery(division, "new-entry:" + key, now, now.plus(RECEIPT_LIFETIME));
            if (WebhookTopics.SALES_ENTRIES.equals(notification.topic()) || !first || booked(division, key)) {
                return HttpResponseEvent.json(200, "{\"status\":\"new-entry\"}");
            }
        }
        if (entryTopic && key != null && action.startsWith("delete")) {
            int callbacks = 0;
            boolean ours = false;
            for (ConnectionRecord connection : connected(division)) {
                if (updater.isBookedEntry(connection.tenant(), division, key)) {
                    ours = true;
                    callbacks += updater.applyDeletedEntry(connection.tenant(), division, key);
                }
            }
            if (ours) {
                return HttpResponseEvent.json(200, "{\"status\":\"deleted\",\"callbacks\":" + callbacks + "}");
            }
            // Not an entry the connector booked, e.g. a deleted bank entry: a payment may be undone.
        }
        int marked = poll.markChanged(division);
        return HttpResponseEvent.json(200, "{\"status\":\"queued\",\"divisions\":" + marked + "}");
    }

    private boolean booked(int division, String entryId) {
        return connected(division).stream().anyMatch(c -> updater.isBookedEntry(c.tenant(), division, entryId));
    }

    private java.util.List<ConnectionRecord> connected(int division) {
        return poll.polled().stream().filter(c -> c.divisions().contains(division)).toList();
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }

}
