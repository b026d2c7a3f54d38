package org.exactsync.crm.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.logging.SafeStackTrace;
import org.jboss.logging.Logger;

/**
 * Finishes accepted events without a new delivery from the CRM (the contract's 202 promise): waiting events once their
 * retry time has come, retryable failures with a doubling delay, and events whose worker died (lease expired or never
 * started). The handler is found by the stored event type.
 */
@ApplicationScoped
public class EventReplayer {

    private static final Logger LOG = Logger.getLogger(EventReplayer.class);

    /** A retryable failure is retried at most this often; after that it waits for an operator. */
    static final int MAX_ATTEMPTS = 10;
    private static final Duration FIRST_FAILURE_DELAY = Duration.ofMinutes(1);
    private static final Duration MAX_FAILURE_DELAY = Duration.ofHours(1);

    private final EventStore events;
    private final InboundPipeline pipeline;
    private final Map<String, EventHandler<?>> handlersByType;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    @Inject
    public EventReplayer(EventStore events, InboundPipeline pipeline, @Any Instance<EventHandler<?>> handlers,
            Clock clock, CrmConfig config) {
        this(events, pipeline, handlers.stream().toList(), clock, config.inbound().lease(), 50);
    }

    /** For tests: explicit handlers and limits. */
    public EventReplayer(EventStore events, InboundPipeline pipeline, List<EventHandler<?>> handlers, Clock clock,
            Duration lease, int batchSize) {
        this.events = events;
        this.pipeline = pipeline;
        this.handlersByType = handlers.stream()
                .collect(Collectors.toMap(EventHandler::type, Function.identity(), (first, second) -> first));
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Runs every due open event once. */
    public ReplayReport replayDue() {
        int resumed = 0;
        int done = 0;
        int skipped = 0;
        for (EventStatus status : List.of(EventStatus.WAITING, EventStatus.FAILED, EventStatus.ACCEPTED,
                EventStatus.IN_PROGRESS)) {
            // WAITING events parked far ahead (a spent daily budget) must not hide ones due now: ask for due ones.
            List<EventRecord> candidates = status == EventStatus.WAITING
                    ? events.findDue(status, clock.instant(), batchSize)
                    : events.findByStatus(status, batchSize);
            for (EventRecord open : candidates) {
                Optional<EventHandler<?>> handler = Optional.ofNullable(handlersByType.get(open.type()));
                if (handler.isEmpty() || !due(open, clock.instant())) {
                    skipped++;
                    continue;
                }
                // The index may lag: decide on a consistent read, whose version the lease is conditional on.
                Optional<EventRecord> current = events.find(open.tenant(), open.eventId())
                        .filter(record -> record.status() == status && due(record, clock.instant()));
                Optional<Outcome> outcome = current.flatMap(record -> resume(record, handler.get()));
                if (outcome.isEmpty()) {
                    skipped++;
                    continue;
                }
                resumed++;
                if (outcome.get() instanceof Outcome.Done) {
                    done++;
                }
            }
        }
        return new ReplayReport(resumed, done, skipped);
    }

    /** Whether a handler for events of {@code type} is deployed here (a replay needs one). */
    public boolean handles(String type) {
        return handlersByType.containsKey(type);
    }

    /**
     * An operator's replay: runs {@code stored} again now, whatever its retry schedule or attempt count. Empty when no
     * handler takes its type, another worker holds it, or it is done meanwhile; the caller checks the status first.
     */
    public Optional<Outcome> replayNow(EventRecord stored) {
        EventHandler<?> handler = handlersByType.get(stored.type());
        return handler == null ? Optional.empty() : resume(stored, handler);
    }

    private Optional<Outcome> resume(EventRecord record, EventHandler<?> handler) {
        try {
            return pipeline.resume(record, handler);
        } catch (RuntimeException broken) {
            LOG.errorf("replay of event %s of tenant %s failed: %s", record.eventId(), record.tenant(),
                    SafeStackTrace.of(broken));
            return Optional.empty();
        }
    }

    private boolean due(EventRecord record, Instant now) {
        return switch (record.status()) {
            case WAITING -> record.retryAt() == null || !record.retryAt().isAfter(now);
            case FAILED -> record.retryable() && record.attempts() < MAX_ATTEMPTS
                    && !record.updatedAt().plus(failureDelay(record.attempts())).isAfter(now);
            // Not started: only once the first delivery had time to take it itself.
            case ACCEPTED -> !record.acceptedAt().plus(lease).isAfter(now);
            case IN_PROGRESS -> record.leaseUntil() != null && !record.leaseUntil().isAfter(now);
            case DONE -> false;
        };
    }

    private static Duration failureDelay(int attempts) {
        Duration delay = FIRST_FAILURE_DELAY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return delay.compareTo(MAX_FAILURE_DELAY) > 0 ? MAX_FAILURE_DELAY : delay;
    }
}
