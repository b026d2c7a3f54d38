package org.exactsync.crm.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;
import org.exactsync.store.BacklogLane;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.logging.SafeStackTrace;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.time.Backoff;
import org.jboss.logging.Logger;

/**
 * Finishes accepted events without a new delivery from the CRM (the contract's 202 promise): waiting events once their
 * retry time has come, retryable failures with a doubling delay, and events whose worker died (lease expired or never
 * started). The handler is found by the stored event type.
 *
 * <p>The backlog is drained per lane, a (tenant, division): Exact's call budget is per division, so lanes are
 * independent. A run takes each lane's drain lease (one run per lane at a time; overlapping runs take other lanes),
 * then starts one due event per lane in turn, oldest first, until the lanes are empty or its own deadline is near.
 * Within a lane an event is not started while an older open event of its entity, or of an entity it needs (an
 * invoice's relation), is still open: it could only wait, or apply an older version after a newer one.
 */
@ApplicationScoped
public class EventReplayer {

    private static final Logger LOG = Logger.getLogger(EventReplayer.class);

    /** A retryable failure is retried at most this often; after that it waits for an operator. */
    static final int MAX_ATTEMPTS = 10;
    private static final Duration FIRST_FAILURE_DELAY = Duration.ofMinutes(1);
    private static final Duration MAX_FAILURE_DELAY = Duration.ofHours(1);
    /**
     * No event is started later than this before the run's deadline: one event's Exact calls (a relation in several
     * divisions, an invoice's look-up and POST) fit in it, and the Exact client cuts its own waits at the deadline.
     */
    public static final Duration START_MARGIN = Duration.ofSeconds(30);
    /** A run without a deadline (local run, tools) holds a lane this long, renewed while it works. */
    static final Duration UNBOUNDED_LEASE = Duration.ofMinutes(10);
    /**
     * A lane is dropped from the list only when no event was claimed in it for this long: the index read that found
     * it empty may lag a claim by a moment.
     */
    static final Duration QUIET_BEFORE_DROP = Duration.ofMinutes(1);
    /** Events read per index page; the lane is paged through to its end, no cap per run. */
    private static final int PAGE = 100;

    private final EventStore events;
    private final InboundPipeline pipeline;
    private final Map<String, EventHandler<?>> handlersByType;
    private final Clock clock;
    private final Duration lease;
    private final int pageSize;
    private final InvocationDeadline deadlines;
    private final Duration startMargin;
    private final LaneAdoption adoption;

    @Inject
    public EventReplayer(EventStore events, InboundPipeline pipeline, @Any Instance<EventHandler<?>> handlers,
            Clock clock, CrmConfig config, InvocationDeadline deadlines) {
        this(events, pipeline, handlers.stream().toList(), clock, config.inbound().lease(), PAGE, deadlines,
                START_MARGIN);
    }

    /** For tests: explicit handlers and page size, no invocation deadline. */
    public EventReplayer(EventStore events, InboundPipeline pipeline, List<EventHandler<?>> handlers, Clock clock,
            Duration lease, int pageSize) {
        this(events, pipeline, handlers, clock, lease, pageSize, new InvocationDeadline(), START_MARGIN);
    }

    /** For tests: everything explicit. */
    public EventReplayer(EventStore events, InboundPipeline pipeline, List<EventHandler<?>> handlers, Clock clock,
            Duration lease, int pageSize, InvocationDeadline deadlines, Duration startMargin) {
        this.events = events;
        this.pipeline = pipeline;
        this.handlersByType = handlers.stream()
                .collect(Collectors.toMap(EventHandler::type, Function.identity(), (first, second) -> first));
        this.clock = clock;
        this.lease = lease;
        this.pageSize = pageSize;
        this.deadlines = deadlines;
        this.startMargin = startMargin;
        this.adoption = new LaneAdoption(events, pipeline, handlersByType, pageSize);
    }

    /**
     * Drains every lane with backlog that no other run holds, in turn, until done or the deadline is near; first puts
     * a page of events claimed before lanes existed into their lanes.
     */
    public ReplayReport replayDue() {
        adoptLaneless();
        return drain(lanesToDrain());
    }

    /**
     * Puts the next page of open events that were claimed before lanes existed (an upgraded table) into their lanes,
     * which lists those lanes for the drain; a round does it before it lists the lanes. Once none can be left, one
     * read. Returns how many it placed.
     */
    public int adoptLaneless() {
        return adoption.step();
    }

    /** The work item of a fanned-out round: drains one lane (nothing when another run holds it). */
    public ReplayReport drainLane(String tenant, int division) {
        return drain(List.of(new BacklogLane(tenant, division, null, null)));
    }

    /**
     * The lanes a round should drain: listed with backlog, not held by a run, least recently drained first (so that,
     * when not all can be drained at once, every lane gets its turn).
     */
    public List<BacklogLane> lanesToDrain() {
        return lanesToDrain(backlogLanes());
    }

    /** The lanes listed with backlog, held or not. */
    public List<BacklogLane> backlogLanes() {
        return events.backlogLanes();
    }

    /** Of {@code listed}, the lanes a round should drain, in the order it should take them. */
    public List<BacklogLane> lanesToDrain(List<BacklogLane> listed) {
        Instant now = clock.instant();
        return listed.stream()
                .filter(lane -> !lane.leasedAt(now))
                .sorted(Comparator.comparing((BacklogLane lane) -> lane.drainedAt() == null ? Instant.MIN
                        : lane.drainedAt()).thenComparing(BacklogLane::tenant).thenComparing(BacklogLane::division))
                .toList();
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

    private ReplayReport drain(List<BacklogLane> candidates) {
        Deadline deadline = deadlines.current();
        String owner = "drain-" + UUID.randomUUID();
        List<LaneQueue> lanes = new ArrayList<>();
        for (BacklogLane lane : candidates) {
            if (!deadline.leaves(clock, startMargin)) {
                break;
            }
            if (events.tryDrainLease(lane.tenant(), lane.division(), owner, leaseUntil(deadline))) {
                lanes.add(new LaneQueue(events, lane.tenant(), lane.division(), pageSize));
            }
        }
        int drained = lanes.size();
        Tally tally = new Tally();
        try {
            while (!lanes.isEmpty()) {
                Iterator<LaneQueue> turn = lanes.iterator();
                while (turn.hasNext()) {
                    LaneQueue lane = turn.next();
                    if (!deadline.leaves(clock, startMargin)) {
                        return tally.report(drained, lanes.size());
                    }
                    Optional<LaneQueue.Candidate> next = lane.next(this::turn, tally);
                    if (next.isEmpty()) {
                        events.releaseDrainLease(lane.tenant(), lane.division(), owner, lane.sawNoOpenEvent(),
                                clock.instant().minus(QUIET_BEFORE_DROP));
                        turn.remove();
                        continue;
                    }
                    if (!deadline.bounded()) {
                        // Renewed before each event, so a long local run keeps its lanes.
                        events.tryDrainLease(lane.tenant(), lane.division(), owner, leaseUntil(deadline));
                    }
                    lane.finished(next.get(), run(next.get().record(), tally));
                }
            }
            return tally.report(drained, 0);
        } finally {
            for (LaneQueue lane : lanes) {
                events.releaseDrainLease(lane.tenant(), lane.division(), owner, false, Instant.MIN);
            }
        }
    }

    /** What a drain does with a listed event now. */
    enum Turn {
        /** Due, and a handler takes it. */
        START,
        /** Not yet (retry time, back-off, a live worker): later events of its entity stay behind it. */
        LATER,
        /** Never by itself (a final failure, attempts used up, no handler here): it holds nothing back. */
        NEVER
    }

    private Turn turn(EventRecord record) {
        if (!handlersByType.containsKey(record.type()) || record.status() == EventStatus.FAILED
                && (!record.retryable() || record.attempts() >= MAX_ATTEMPTS)) {
            return Turn.NEVER;
        }
        return due(record, clock.instant()) ? Turn.START : Turn.LATER;
    }

    /** Runs one event; true when it finished (DONE) now. */
    private boolean run(EventRecord listed, Tally tally) {
        // The index may lag: decide on a consistent read, whose version the lease is conditional on.
        Optional<EventRecord> current = events.find(listed.tenant(), listed.eventId())
                .filter(record -> record.status() == listed.status() && due(record, clock.instant()));
        Optional<Outcome> outcome = current.flatMap(record -> resume(record, handlersByType.get(record.type())));
        if (outcome.isEmpty()) {
            tally.skipped++;
            return false;
        }
        tally.resumed++;
        if (outcome.get() instanceof Outcome.Done) {
            tally.done++;
            return true;
        }
        return false;
    }

    private Instant leaseUntil(Deadline deadline) {
        // A run never outlives its invocation, so its lanes are free again at its deadline even if it dies.
        return deadline.bounded() ? deadline.at() : clock.instant().plus(UNBOUNDED_LEASE);
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
        return Backoff.ceiling(FIRST_FAILURE_DELAY, MAX_FAILURE_DELAY, attempts);
    }

    /** Counts of one run. */
    static final class Tally {
        int resumed;
        int done;
        int skipped;

        ReplayReport report(int lanes, int cutShort) {
            return new ReplayReport(resumed, done, skipped, lanes, cutShort);
        }
    }
}
