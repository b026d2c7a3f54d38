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
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.WebhookReceipts;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receives Exact's webhook POSTs: answers the empty validation POST with 200, refuses anything whose
 * {@code HashCode} does not match the raw {@code Content} bytes (401), handles each notification once (receipt per
 * content digest), and then checks the division's payment-term changes since the poll's cursor for every tenant
 * connected to it — the scheduled sweep stays the safety net for anything missed.
 */
@ApplicationScoped
public class ExactWebhookHandler {

    private static final Logger LOG = Logger.getLogger(ExactWebhookHandler.class);
    /** How long a notification is remembered; Exact's redelivery timing is unknown, a week is generous. */
    private static final Duration RECEIPT_LIFETIME = Duration.ofDays(7);

    private final String secret;
    private final WebhookReceipts receipts;
    private final OpenItemPoll poll;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ExactWebhookHandler(ExactConfig config, WebhookReceipts receipts, OpenItemPoll poll, Clock clock) {
        this(config.webhookSecret(), receipts, poll, clock);
    }

    /** For tests and tools: an explicit webhook secret. */
    public ExactWebhookHandler(String secret, WebhookReceipts receipts, OpenItemPoll poll, Clock clock) {
        this.secret = secret;
        this.receipts = receipts;
        this.poll = poll;
        this.clock = clock;
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
        int callbacks = 0;
        for (ConnectionRecord connection : poll.polled()) {
            if (!connection.divisions().contains(notification.division())) {
                continue;
            }
            try {
                callbacks += poll.check(new ExactTarget(connection.tokenKey(), notification.division())).callbacks();
            } catch (ExactException passing) {
                // Still a 2xx: Exact would not resend the same change reliably, the next sweep picks it up.
                LOG.warnf("webhook check of tenant %s division %d deferred to the sweep (%s)", connection.tenant(),
                        notification.division(), passing.getClass().getSimpleName());
            }
        }
        return HttpResponseEvent.json(200, "{\"status\":\"checked\",\"callbacks\":" + callbacks + "}");
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }

}
