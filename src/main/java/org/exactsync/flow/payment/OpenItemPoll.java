package org.exactsync.flow.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorRecord;
import org.exactsync.store.CursorStore;
import org.exactsync.store.SyncMode;
import org.jboss.logging.Logger;

/**
 * The open-item poll: per connected division, the payment terms changed since the stored cursor (one call per 1,000
 * changes) plus one {@code system/Divisions} read to notice a division move. A sweep of a division with 20 changes
 * costs 2 calls whether it has 10 or 10,000 open items. The first run, and the first run after a move, reads the
 * feed from the start (a full resync) and sends callbacks only for invoices whose position differs from "booked,
 * all open".
 */
@ApplicationScoped
public class OpenItemPoll {

    private static final Logger LOG = Logger.getLogger(OpenItemPoll.class);
    private static final long FROM_THE_START = 1;

    private final ConnectionStore connections;
    private final CursorStore cursors;
    private final DivisionMoves moves;
    private final PaymentTermFeed feed;
    private final PaymentStatusUpdater updater;

    public OpenItemPoll(ConnectionStore connections, CursorStore cursors, DivisionMoves moves, PaymentTermFeed feed,
            PaymentStatusUpdater updater) {
        this.connections = connections;
        this.cursors = cursors;
        this.moves = moves;
        this.feed = feed;
        this.updater = updater;
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
            DivisionPollResult result = sweep(target);
            return new PollReport(1, result.changes(), result.callbacks(), result.fullRead() ? 1 : 0, List.of());
        } catch (ExactException passing) {
            LOG.warnf("open-item poll of tenant %s division %d failed (%s); next poll retries",
                    connection.tenant(), division, passing.getClass().getSimpleName());
            return new PollReport(0, 0, 0, 0, List.of(connection.tenant() + "/" + division));
        }
    }

    /**
     * The scheduled sweep of one division: the move check, then the changes since the cursor (all of them after a
     * move or on the first run).
     */
    public DivisionPollResult sweep(ExactTarget target) {
        CursorKey key = cursorKey(target);
        String moveMarker = moves.moveMarker(target);
        Optional<CursorRecord> cursor = cursors.find(key);
        if (cursor.isPresent() && !moveMarker.equals(cursor.get().detail())) {
            LOG.infof("division %d of tenant %s was moved by Exact: payment terms are read in full",
                    target.division(), target.tenant());
            cursors.reset(key);
            cursor = Optional.empty();
        }
        return read(target, key, cursor, moveMarker);
    }

    /**
     * A webhook's targeted check: only the changes since the cursor (1 call), no move check, which the sweep
     * keeps. Without a cursor yet it is a sweep.
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
