package org.exactsync.flow.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorRecord;
import org.exactsync.store.CursorStore;
import org.exactsync.store.DivisionWatch;
import org.exactsync.store.DivisionWatchStore;
import org.exactsync.store.SyncMode;
import org.jboss.logging.Logger;

/**
 * The open-item poll, run by the schedule every minute. Per connected division it does at most one of:
 * <ul>
 * <li>the <b>sweep</b> (every {@code connector.payment.sweep-interval}, and on the first run): one
 * {@code system/Divisions} read to notice a division move, the payment terms changed since the cursor (one call per
 * 1,000 changes) — 2 calls with 20 changes whether the division has 10 or 10,000 open items — and, at most once an
 * hour, the deleted payment terms since theirs ({@code sync/Deleted}, one call more);</li>
 * <li>the <b>check</b> of a division a webhook marked changed: the payment terms since the cursor (1 call), once the
 * first notification is {@code connector.payment.webhook-debounce} old and at most once per
 * {@code connector.payment.webhook-read-interval}, so notifications never take more than that share of the
 * division's budget from bookings;</li>
 * <li>nothing (0 calls).</li>
 * </ul>
 * The first run, and the first run after a move, reads the feed from the start (a full resync) and sends callbacks
 * only for invoices whose position differs from "booked, all open".
 */
@ApplicationScoped
public class OpenItemPoll {

    private static final Logger LOG = Logger.getLogger(OpenItemPoll.class);
    private static final long FROM_THE_START = 1;
    private static final int CLAIM_ATTEMPTS = 3;
    /** How often a sweep also reads {@code sync/Deleted} for deleted payment terms. */
    static final Duration DELETED_INTERVAL = Duration.ofHours(1);

    private final ConnectionStore connections;
    private final CursorStore cursors;
    private final DivisionMoves moves;
    private final PaymentTermFeed feed;
    private final DeletedTermFeed deletions;
    private final PaymentStatusUpdater updater;
    private final DivisionWatchStore watches;
    private final Clock clock;
    private final Timing timing;

    /**
     * When a division is read.
     *
     * @param sweepInterval     between two sweeps of a division
     * @param debounce          how old the first pending notification must be before its check (later ones within it
     *                          are folded into the same read)
     * @param readInterval      at least this long between two reads of a division for webhooks
     */
    public record Timing(Duration sweepInterval, Duration debounce, Duration readInterval) {

        /** The defaults: a sweep every 5 minutes, checks 5 s after the first notification and at most once a minute. */
        public static Timing defaults() {
            return new Timing(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(1));
        }
    }

    @Inject
    public OpenItemPoll(ConnectionStore connections, CursorStore cursors, DivisionMoves moves, PaymentTermFeed feed,
            DeletedTermFeed deletions, PaymentStatusUpdater updater, DivisionWatchStore watches, Clock clock,
            PaymentConfig config) {
        this(connections, cursors, moves, feed, deletions, updater, watches, clock,
                new Timing(config.sweepInterval(), config.webhookDebounce(), config.webhookReadInterval()));
    }

    /** For tests and tools: explicit timing. */
    public OpenItemPoll(ConnectionStore connections, CursorStore cursors, DivisionMoves moves, PaymentTermFeed feed,
            DeletedTermFeed deletions, PaymentStatusUpdater updater, DivisionWatchStore watches, Clock clock,
            Timing timing) {
        this.connections = connections;
        this.cursors = cursors;
        this.moves = moves;
        this.feed = feed;
        this.deletions = deletions;
        this.updater = updater;
        this.watches = watches;
        this.clock = clock;
        this.timing = timing;
    }

    /** Every live connection's divisions, one after another; a division that fails is retried next time. */
    public PollReport pollAll() {
        List<PollReport> reports = new ArrayList<>();
        for (ConnectionRecord connection : polled()) {
            for (int division : connection.divisions()) {
                reports.add(pollDivision(connection, division));
            }
        }
        return PollReport.sum(reports);
    }

    /**
     * One division, as a fanned-out round's work item: nothing when the connection is no longer live or no longer
     * has the division (it changed since the round was planned).
     */
    public PollReport pollDivision(String tenant, int division) {
        return connections.find(tenant)
                .filter(OpenItemPoll::live)
                .filter(connection -> connection.divisions().contains(division))
                .map(connection -> pollDivision(connection, division))
                .orElse(PollReport.sum(List.of()));
    }

    private PollReport pollDivision(ConnectionRecord connection, int division) {
        ExactTarget target = new ExactTarget(connection.tokenKey(), division);
        try {
            DivisionPollResult result = scheduled(target);
            return new PollReport(1, result.changes(), result.callbacks(), result.fullRead() ? 1 : 0, List.of());
        } catch (ExactException passing) {
            LOG.warnf("open-item poll of tenant %s division %d failed (%s); next poll retries",
                    connection.tenant(), division, passing.getClass().getSimpleName());
            return new PollReport(0, 0, 0, 0, List.of(connection.tenant() + "/" + division));
        }
    }

    /**
     * The schedule's step for one division: a sweep when one is due, else the check of a division webhooks marked
     * changed when its debounce and read interval passed, else nothing. A failed read marks the division changed
     * again, so the next step retries it.
     */
    public DivisionPollResult scheduled(ExactTarget target) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            DivisionWatch watch = watches.find(target.tenant(), target.division())
                    .orElse(DivisionWatch.unseen(target.tenant(), target.division()));
            boolean sweepDue = watch.sweptAt() == null || !now.isBefore(watch.sweptAt().plus(timing.sweepInterval()));
            boolean checkDue = watch.changedAt() != null
                    && !now.isBefore(watch.changedAt().plus(timing.debounce()))
                    && (watch.checkedAt() == null || !now.isBefore(watch.checkedAt().plus(timing.readInterval())));
            if (!sweepDue && !checkDue) {
                return new DivisionPollResult(0, 0, false);
            }
            if (!watches.claimRead(target.tenant(), target.division(), watch.changedAt(), now, sweepDue)) {
                continue;
            }
            try {
                return sweepDue ? sweep(target) : check(target);
            } catch (RuntimeException failed) {
                watches.markChanged(target.tenant(), target.division(), now);
                throw failed;
            }
        }
        return new DivisionPollResult(0, 0, false);
    }

    /**
     * Marks the division changed for every live tenant connected to it (a webhook's notification): no Exact call;
     * the schedule's next step reads it once for all notifications that arrived meanwhile.
     */
    public int markChanged(int division) {
        int marked = 0;
        Instant now = clock.instant();
        for (ConnectionRecord connection : polled()) {
            if (connection.divisions().contains(division)) {
                watches.markChanged(connection.tenant(), division, now);
                marked++;
            }
        }
        return marked;
    }

    /**
     * The full sweep of one division: the move check, the changes since the cursor (all of them after a move or on
     * the first run) and the deleted payment terms since theirs.
     */
    public DivisionPollResult sweep(ExactTarget target) {
        CursorKey key = cursorKey(target);
        String moveMarker = moves.moveMarker(target);
        Optional<CursorRecord> cursor = cursors.find(key);
        CursorKey deletedKey = new CursorKey(target.tenant(), target.division(), DeletedTermFeed.FEED);
        if (cursor.isPresent() && !moveMarker.equals(cursor.get().detail())) {
            LOG.infof("division %d of tenant %s was moved by Exact: payment terms are read in full",
                    target.division(), target.tenant());
            cursors.reset(key);
            cursors.reset(deletedKey);
            cursor = Optional.empty();
        }
        DivisionPollResult terms = read(target, key, cursor, moveMarker);
        Optional<CursorRecord> deletedAt = cursors.find(deletedKey);
        // A deletion is rare and a webhook's Delete reports it at once; the log itself is read at most once an hour,
        // so a sweep keeps its 2 calls (the log is kept two months, far longer than the interval).
        boolean readDeleted = deletedAt.isEmpty() || deletedAt.get().updatedAt() == null
                || !deletedAt.get().updatedAt().plus(DELETED_INTERVAL).isAfter(clock.instant());
        if (!readDeleted) {
            return terms;
        }
        long since = deletedAt.map(CursorRecord::position).orElse(FROM_THE_START);
        DeletedTermFeed.Deletions deleted = deletions.since(target, since);
        int sent = updater.applyDeletedTerms(target.tenant(), target.division(), deleted.termIds());
        cursors.advance(deletedKey, deleted.highestTimestamp(), moveMarker);
        return new DivisionPollResult(terms.changes(), terms.callbacks() + sent, terms.fullRead());
    }
    /**
     * The check of a division webhooks marked changed: only the changes since the cursor (1 call), no move check,
     * which the sweep keeps. Without a cursor yet it is a sweep.
     */
    public DivisionPollResult check(ExactTarget target) {
        CursorKey key = cursorKey(target);
        Optional<CursorRecord> cursor = cursors.find(key);
        if (cursor.isEmpty()) {
            return sweep(target);
        }
        return read(target, key, cursor, cursor.get().detail());
    }

    /** The live, usable connections (a dry-run connection books nothing, so it has nothing to follow). */
    public List<ConnectionRecord> polled() {
        return connections.findAll().stream().filter(OpenItemPoll::live).toList();
    }

    private static boolean live(ConnectionRecord connection) {
        return connection.status() == ConnectionStatus.ACTIVE && connection.mode() == SyncMode.LIVE;
    }

    /** The tenant's connection if it is live and usable: one item read (no listing). */
    public List<ConnectionRecord> polled(String tenant) {
        return connections.find(tenant).stream().filter(OpenItemPoll::live).toList();
    }

    private DivisionPollResult read(ExactTarget target, CursorKey key, Optional<CursorRecord> cursor,
            String moveMarker) {
        long since = cursor.map(CursorRecord::position).orElse(FROM_THE_START);
        PaymentTermFeed.Changes changes = feed.since(target, since);
        int sent = updater.apply(target.tenant(), target.division(), changes.receivables());
        // Advanced only after the rows were applied: a crash in between reads them again, and applying is idempotent.
        cursors.advance(key, changes.highestTimestamp(), moveMarker);
        return new DivisionPollResult(changes.receivables().size(), sent, cursor.isEmpty());
    }

    private static CursorKey cursorKey(ExactTarget target) {
        return new CursorKey(target.tenant(), target.division(), PaymentTermFeed.FEED);
    }
}
