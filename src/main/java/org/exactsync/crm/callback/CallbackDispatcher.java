package org.exactsync.crm.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.CallbackOutbox;
import org.exactsync.store.NewCallback;
import org.exactsync.store.QueuedCallback;
import org.exactsync.logging.SafeStackTrace;
import org.exactsync.time.Backoff;
import org.jboss.logging.Logger;

/**
 * {@link Callbacks} on a durable outbox: {@link #send} stores first and then tries the entity's queue at once;
 * {@link #dispatchDue} (the scheduled function) retries whatever is due. A queue is always worked head first and stops
 * at the first failure, so a later callback of an entity never overtakes an earlier one.
 */
@ApplicationScoped
public class CallbackDispatcher implements Callbacks {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class);

    /** A queue worked in one go delivers at most this many, so one busy entity cannot starve a dispatch run. */
    private static final int MAX_PER_QUEUE_RUN = 50;
    /** Callbacks are kept (undelivered) at most this long in DynamoDB before TTL may drop them. */
    private static final Duration RETENTION = Duration.ofDays(30);

    private final CallbackOutbox outbox;
    private final TenantSettings tenants;
    private final ObjectMapper json;
    private final Clock clock;
    private final CallbackSender sender;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration inlineTimeout;
    private final Duration lease;
    private final int batchSize;

    @Inject
    public CallbackDispatcher(CallbackOutbox outbox, TenantSettings tenants, ObjectMapper json, Clock clock,
            CrmConfig config) {
        this(outbox, tenants, json, clock, config.callback().timeout(), config.callback().inlineTimeout(),
                config.callback().initialBackoff(), config.callback().maxBackoff(), config.callback().batchSize(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: explicit timings and a chosen source of jitter. */
    public CallbackDispatcher(CallbackOutbox outbox, TenantSettings tenants, ObjectMapper json, Clock clock,
            Duration timeout, Duration inlineTimeout, Duration initialBackoff, Duration maxBackoff, int batchSize,
            DoubleSupplier jitter) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.inlineTimeout = inlineTimeout.compareTo(timeout) < 0 ? inlineTimeout : timeout;
        this.sender = new CallbackSender(this.inlineTimeout);
        this.backoff = new Backoff(initialBackoff, maxBackoff, jitter);
        // Long enough for one POST with its timeout; a dispatcher that dies leaves the item due after this.
        this.lease = timeout.multipliedBy(2);
        this.batchSize = batchSize;
    }

    @Override
    public void send(String tenant, String entityKey, String type, Object data) {
        Instant now = clock.instant();
        String callbackId = "cb-" + UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", callbackId);
        envelope.put("type", type);
        envelope.put("occurredAt", now.toString());
        envelope.put("tenant", tenant);
        envelope.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalArgumentException("callback data of type " + type + " is not serialisable",
                    unserialisable);
        }
        outbox.enqueue(new NewCallback(tenant, entityKey, callbackId, type, payload, now, now.plus(RETENTION)));
        try {
            workQueue(tenant, entityKey, new int[2], inlineTimeout);
        } catch (RuntimeException deliveryTrouble) {
            // Stored already: the scheduled dispatch retries it. A caller's work must not fail for a CRM being down.
            LOG.warnf("callback %s (%s) for tenant %s queued; immediate delivery failed: %s", callbackId, type, tenant,
                    SafeStackTrace.of(deliveryTrouble));
        }
    }

    /** Delivers every due callback (queue heads first, in order); the body of the scheduled function. */
    public DispatchReport dispatchDue() {
        Set<Map.Entry<String, String>> queues = new LinkedHashSet<>();
        for (QueuedCallback due : outbox.due(clock.instant(), batchSize)) {
            queues.add(Map.entry(due.tenant(), due.entityKey()));
        }
        int[] counts = new int[2];
        for (Map.Entry<String, String> queue : queues) {
            try {
                workQueue(queue.getKey(), queue.getValue(), counts, timeout);
            } catch (RuntimeException storeTrouble) {
                LOG.warnf("callback queue of tenant %s skipped this run: %s", queue.getKey(),
                        SafeStackTrace.of(storeTrouble));
            }
        }
        return new DispatchReport(queues.size(), counts[0], counts[1]);
    }

    /** Delivers the queue's head, then the next, until it is empty, a head is not yet due, or a delivery fails. */
    private void workQueue(String tenant, String entityKey, int[] counts, Duration attemptTimeout) {
        for (int i = 0; i < MAX_PER_QUEUE_RUN; i++) {
            Optional<QueuedCallback> head = outbox.head(tenant, entityKey);
            Instant now = clock.instant();
            if (head.isEmpty() || head.get().nextAttemptAt().isAfter(now)) {
                return;
            }
            String owner = "dispatch-" + UUID.randomUUID();
            Optional<QueuedCallback> leased = outbox.lease(head.get(), owner, now.plus(lease));
            if (leased.isEmpty()) {
                // Another dispatcher is on this queue; it keeps the order.
                return;
            }
            if (!deliver(leased.get(), owner, attemptTimeout)) {
                counts[1]++;
                return;
            }
            counts[0]++;
        }
    }

    private boolean deliver(QueuedCallback callback, String owner, Duration attemptTimeout) {
        Optional<Tenant> tenant = tenants.tenant(callback.tenant());
        CallbackSender.Delivery delivery;
        if (tenant.isEmpty() || tenant.get().callbackUrl().isEmpty()) {
            // Kept, not dropped: the URL may be configured later and the CRM still wants the history in order.
            delivery = new CallbackSender.Delivery(false, "no callback URL configured");
        } else {
            // Signed per attempt: the CRM refuses a t older than five minutes, and retries come later than that.
            String signature = CrmSignature.sign(tenant.get().outboundSecret(), clock.instant(),
                    callback.payload().getBytes(StandardCharsets.UTF_8));
            delivery = sender.post(tenant.get().callbackUrl().get(), signature, callback.payload(), attemptTimeout);
        }
        if (delivery.ok()) {
            outbox.delivered(callback, owner);
            return true;
        }
        Duration delay = backoff.after(callback.attempts() + 1);
        outbox.retryLater(callback, owner, clock.instant().plus(delay), delivery.detail());
        LOG.infof("callback %s (%s) for tenant %s not delivered (%s, attempt %d); next try in %s",
                callback.callbackId(), callback.type(), callback.tenant(), delivery.detail(), callback.attempts() + 1,
                delay);
        return false;
    }
}
