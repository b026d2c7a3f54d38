package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.time.AdjustableClock;

/**
 * Stand-ins for the relation and invoice flows that record the order the replay runs them in, and behave as the real
 * ones do about order: an invoice answers Waiting while its relation is not synced. While {@link #live} is false
 * everything waits (that is how a test builds a backlog).
 */
final class OrderedHandlers {

    /** {@code data} of both types. */
    record Data(String id, String name, String relationId) {
    }

    /** {@code tenant/division/eventId} in the order the handlers ran. */
    final List<String> ran = new CopyOnWriteArrayList<>();
    /** Runs at this moment per {@code tenant/division}; the highest ever seen per lane. */
    final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();
    private final Set<String> synced = ConcurrentHashMap.newKeySet();
    volatile boolean live;
    /** How far each run moves the clock (the time an event's Exact calls take). */
    volatile Duration runTime = Duration.ZERO;
    /** Something to do inside a run, e.g. wait for a latch (overlap tests). */
    volatile Runnable during = () -> {
    };
    private final AdjustableClock clock;

    OrderedHandlers(AdjustableClock clock) {
        this.clock = clock;
    }

    EventHandler<Data> relations() {
        return new Handler("relation.upserted") {
            @Override
            Outcome work(AcceptedEvent<Data> event) {
                synced.add(event.tenant() + "/relation:" + event.data().id());
                return new Outcome.Done(List.of());
            }
        };
    }

    EventHandler<Data> invoices() {
        return new Handler("invoice.created") {
            @Override
            public List<String> prerequisites(Data data) {
                return List.of("relation:" + data.relationId());
            }

            @Override
            Outcome work(AcceptedEvent<Data> event) {
                return synced.contains(event.tenant() + "/relation:" + event.data().relationId())
                        ? new Outcome.Done(List.of())
                        : new Outcome.Waiting("relation " + event.data().relationId() + " is not synced yet");
            }
        };
    }

    private abstract class Handler implements EventHandler<Data> {

        private final String type;

        Handler(String type) {
            this.type = type;
        }

        abstract Outcome work(AcceptedEvent<Data> event);

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<Data> dataType() {
            return Data.class;
        }

        @Override
        public List<Problem> validate(JsonNode data) {
            return List.of();
        }

        @Override
        public Outcome process(AcceptedEvent<Data> event) {
            if (!live) {
                return new Outcome.Waiting("building the backlog");
            }
            String lane = event.tenant() + "/" + event.divisions().get(0);
            int now = running.computeIfAbsent(lane, l -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.merge(lane, now, Math::max);
            try {
                ran.add(lane + "/" + event.eventId());
                during.run();
                clock.advance(runTime);
                return work(event);
            } finally {
                running.get(lane).decrementAndGet();
            }
        }
    }
}
