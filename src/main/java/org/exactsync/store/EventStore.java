package org.exactsync.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port for CRM event records: idempotency (Exact has no idempotency key, so "processed once" is ours) and the status
 * a CRM and an operator can see. Every change is one single-item conditional write: the claim is a put-if-absent,
 * every transition is conditional on the version the caller holds and, for a running event, on its lease.
 */
public interface EventStore {

    /** Stores a first delivery as ACCEPTED, or reports what is already stored under that (tenant, eventId). */
    ClaimResult claim(NewEvent event);

    /** The event's record (strongly consistent read), or empty when never claimed. */
    Optional<EventRecord> find(String tenant, String eventId);

    /**
     * Takes the work lease: IN_PROGRESS, attempts + 1, version + 1. Allowed from ACCEPTED, WAITING and FAILED, and
     * from IN_PROGRESS once the lease expired (the worker died); refused for DONE, a live lease, or a stale version.
     *
     * @return the leased record, or empty when refused
     */
    Optional<EventRecord> startAttempt(String tenant, String eventId, long expectedVersion, String owner,
            Instant leaseUntil);

    /** DONE with the result JSON; conditional on the leased version and owner. Empty when the lease was lost. */
    Optional<EventRecord> complete(String tenant, String eventId, long leasedVersion, String owner, String resultJson);

    /**
     * WAITING with a reason and the earliest useful retry time; releases the lease. Conditional like
     * {@link #complete}.
     */
    Optional<EventRecord> markWaiting(String tenant, String eventId, long leasedVersion, String owner, String reason,
            Instant retryAt);

    /**
     * Brings a WAITING event's next retry forward to {@code retryAt}, because what it waited for was fixed (an
     * operator completed the configuration). Conditional on {@code expectedVersion} and on the event still waiting;
     * empty when it moved on meanwhile (then it needs no push).
     */
    Optional<EventRecord> retryWaitingAt(String tenant, String eventId, long expectedVersion, Instant retryAt);

    /** FAILED with a reason, whether a replay can help, and an optional result JSON; releases the lease. */
    Optional<EventRecord> markFailed(String tenant, String eventId, long leasedVersion, String owner, String reason,
            boolean retryable, String resultJson);

    /**
     * Open events (not DONE) in {@code status} across all tenants, oldest accepted first, at most {@code limit}: the
     * replay and backlog-age query. Read from an index, so it may lag a write by a moment.
     *
     * @throws IllegalArgumentException for DONE: finished events leave the index (it holds only the backlog)
     */
    List<EventRecord> findByStatus(EventStatus status, int limit);

    /**
     * Like {@link #findByStatus(EventStatus, int)}, keeping only events worth starting at {@code now}: no
     * {@code retryAt}, or one not after {@code now}. The replay job's query: a WAITING event parked until the daily
     * budget resets must not hide newer ones that could run now.
     *
     * @throws IllegalArgumentException for DONE
     */
    List<EventRecord> findDue(EventStatus status, Instant now, int limit);

    /** Like {@link #findByStatus(EventStatus, int)} for one tenant (its status page). */
    List<EventRecord> findByStatus(String tenant, EventStatus status, int limit);

    /**
     * The lanes ((tenant, division)) that may have open events: every lane an event was claimed in since a drain last
     * found it empty. Read from an index, with each lane's drain lease, so a planner can skip lanes being drained.
     */
    List<BacklogLane> backlogLanes();

    /**
     * A page of the lane's open events in every status, oldest accepted first, starting after {@code after} (null:
     * from the oldest). Read from an index, so it may lag a write by a moment.
     */
    LanePage laneEvents(String tenant, int division, String after, int limit);

    /**
     * Puts an open event that was stored without a lane (claimed before lanes existed) into the lane of
     * {@code placement}: lists the lane, then stores the event's lane attributes in one conditional write, only if
     * the event is still open, still in no lane and at the version of {@code stored} (its version does not move:
     * only its place in the drain changes).
     *
     * @return whether this call placed it; false when it has a lane already, finished, or moved on meanwhile
     */
    boolean adoptIntoLane(EventRecord stored, LanePlacement placement);

    /**
     * One step of the sweep for open events stored without a lane: hands each such event of the next bounded page
     * (in every open status, oldest accepted first) to {@code adopt}, then records how far the sweep got, so the next
     * step goes on from there. The sweep ends for good once it has passed every event that a version without lanes
     * can have claimed; from then on a step costs one read.
     *
     * @return whether the sweep has ended (nothing lane-less can be left)
     */
    boolean sweepLaneless(int pageSize, Consumer<EventRecord> adopt);

    /**
     * Takes (or, for the same {@code owner}, extends) the lane's drain lease until {@code until}: one conditional
     * write, refused while another owner's lease runs. Only the holder drains the lane.
     */
    boolean tryDrainLease(String tenant, int division, String owner, Instant until);

    /**
     * Gives the lane's drain lease up and notes when. With {@code empty} (the holder found no open event) the lane
     * also leaves {@link #backlogLanes()}, unless an event was claimed in it after {@code quietBefore}: the index read
     * that found it empty may lag such a claim.
     */
    void releaseDrainLease(String tenant, int division, String owner, boolean empty, Instant quietBefore);
}
