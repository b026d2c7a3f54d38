package org.exactsync.flow.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactFeeds;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.DeletedRecord;
import org.exactsync.exact.model.TransactionLine;
import org.exactsync.mapping.PurchaseLines;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.CostLine;
import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorRecord;
import org.exactsync.store.CursorStore;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.exactsync.store.ProjectCostStore;
import org.exactsync.store.ProjectCosts;
import org.exactsync.store.ProjectCostsKey;
import org.jboss.logging.Logger;

/**
 * The purchases read back per project (docs/exact-reference.md §5.15, §9.5): per connected division, Exact's incremental
 * feed {@code sync/Financial/TransactionLines} from the stored {@code Timestamp} cursor (first run from 1: everything
 * once), purchase cost lines grouped by cost center code onto the mapped projects, and a
 * {@code project.costs-updated} callback for each project whose lines changed. With nothing new a division costs one
 * Exact call and sends nothing; a division without mapped projects costs none.
 *
 * <p>Deleted entries never appear in that feed (§5.17): at most once an hour per division the read-back also reads
 * {@code sync/Deleted} (its own cursor) and drops deleted transaction lines ({@code EntityType} 1) from the projects.
 *
 * <p>Order of writes: callbacks, then the stored lines, then the cursors. A crash in between reads the same rows again
 * and at worst repeats a callback the CRM already has; it never skips one.
 */
@ApplicationScoped
public class ProjectCostsReader {

    /** Cursor feed name; the suffix keeps it apart from other flows reading the same Exact feed. */
    static final String FEED = ExactFeeds.TRANSACTION_LINES + "#project-costs";
    static final String DELETED_FEED = ExactFeeds.DELETED + "#project-costs";
    /** {@code sync/Deleted} EntityType of transaction lines (§5.17). */
    static final int TRANSACTION_LINES = 1;
    /** How often the deletion log is read: it keeps two months, and one call an hour is 24 of 5,000 a day. */
    static final Duration DELETED_INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ProjectCostsReader.class);

    private final ExactOnline exact;
    private final ConnectionStore connections;
    private final MappingStore mappings;
    private final CursorStore cursors;
    private final ProjectCostStore costs;
    private final Callbacks callbacks;
    private final Clock clock;

    public ProjectCostsReader(ExactOnline exact, ConnectionStore connections, MappingStore mappings,
            CursorStore cursors, ProjectCostStore costs, Callbacks callbacks, Clock clock) {
        this.exact = exact;
        this.connections = connections;
        this.mappings = mappings;
        this.cursors = cursors;
        this.costs = costs;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Every live tenant's connected divisions, one after another; a failing division does not stop the others. */
    public ProjectCostsReport readAll() {
        List<ProjectCostsReport> reports = new ArrayList<>();
        for (ConnectionRecord connection : activeConnections()) {
            for (int division : connection.divisions()) {
                reports.add(read(connection, division));
            }
        }
        return ProjectCostsReport.sum(reports);
    }

    /** The active connections: a round's work items are their divisions. */
    public List<ConnectionRecord> activeConnections() {
        return connections.findAll().stream().filter(c -> c.status() == ConnectionStatus.ACTIVE).toList();
    }

    /**
     * One division, as a fanned-out round's work item: nothing when the connection is no longer active or no longer
     * has the division.
     */
    public ProjectCostsReport readDivision(String tenant, int division) {
        return connections.find(tenant)
                .filter(c -> c.status() == ConnectionStatus.ACTIVE && c.divisions().contains(division))
                .map(c -> read(c, division))
                .orElse(ProjectCostsReport.sum(List.of()));
    }

    private ProjectCostsReport read(ConnectionRecord connection, int division) {
        try {
            return readDivision(new ExactTarget(connection.tokenKey(), division))
                    .map(read -> new ProjectCostsReport(1, read.rows(), read.projectsUpdated(), List.of()))
                    .orElse(ProjectCostsReport.sum(List.of()));
        } catch (ExactException | ConcurrentReadException failed) {
            LOG.infof("project costs of tenant %s division %d not read: %s", connection.tenant(), division,
                    failed.getClass().getSimpleName());
            return new ProjectCostsReport(0, 0, 0, List.of(connection.tenant() + "/" + division + ": "
                    + failed.getClass().getSimpleName()));
        }
    }

    /**
     * One division; empty when it has no mapped project (nothing to read for). Reads (feeds and stores), plans the
     * changed projects ({@link #changedCosts}, pure), then writes in the order above.
     */
    Optional<DivisionRead> readDivision(ExactTarget target) {
        String tenant = target.tenant();
        int division = target.division();
        Map<String, String> codeByProject = new HashMap<>();
        for (MappingRecord mapping : mappings.findAll(tenant, division, EntityKind.PROJECT)) {
            if (mapping.exactId() != null && mapping.exactCode() != null) {
                codeByProject.put(mapping.key().crmId(), mapping.exactCode());
            }
        }
        if (codeByProject.isEmpty()) {
            return Optional.empty();
        }
        CursorKey cursor = new CursorKey(tenant, division, FEED);
        long from = cursors.find(cursor).map(CursorRecord::position).orElse(1L);
        FeedRead feed;
        try (Stream<TransactionLine> rows = exact.transactionLinesSince(target, from)) {
            feed = FeedRead.of(rows, from, codeByProject);
        }
        CursorKey deletedCursor = new CursorKey(tenant, division, DELETED_FEED);
        Optional<Long> deletedHighest = readDeleted(target, deletedCursor, feed.touched());
        if (feed.rows() == 0 && feed.touched().isEmpty()) {
            deletedHighest.ifPresent(position -> cursors.advance(deletedCursor, position, null));
            return Optional.of(new DivisionRead(0, 0));
        }
        List<ProjectCosts> changed = changedCosts(tenant, division, costs.findAll(tenant, division), feed,
                codeByProject);
        for (ProjectCosts after : changed) {
            callbacks.send(tenant, ProjectDivisionSync.entityKey(after.key().projectId()), "project.costs-updated",
                    callback(after));
            if (costs.save(after).isEmpty()) {
                // Another read-back of this division saved first; leave the cursor so the next run re-reads.
                throw new ConcurrentReadException();
            }
        }
        cursors.advance(cursor, feed.highest(), null);
        deletedHighest.ifPresent(position -> cursors.advance(deletedCursor, position, null));
        LOG.infof("project costs of tenant %s division %d: %d rows, %d project(s) changed", tenant, division,
                feed.rows(), changed.size());
        return Optional.of(new DivisionRead(feed.rows(), changed.size()));
    }

    /**
     * Reads {@code sync/Deleted} when its hour is up, adding deleted transaction lines to {@code touched}; returns the
     * cursor position to store, empty when the log was not due.
     */
    private Optional<Long> readDeleted(ExactTarget target, CursorKey deletedCursor, Set<String> touched) {
        Optional<CursorRecord> deletedAt = cursors.find(deletedCursor);
        boolean due = deletedAt.isEmpty() || deletedAt.get().updatedAt() == null
                || !deletedAt.get().updatedAt().plus(DELETED_INTERVAL).isAfter(clock.instant());
        if (!due) {
            return Optional.empty();
        }
        long highest = deletedAt.map(CursorRecord::position).orElse(1L);
        try (Stream<DeletedRecord> feed = exact.deletedSince(target, highest)) {
            for (DeletedRecord row : (Iterable<DeletedRecord>) feed::iterator) {
                highest = Math.max(highest, row.timestamp());
                Integer type = row.entityType();
                if (type != null && type == TRANSACTION_LINES && row.entityKey() != null) {
                    touched.add(row.entityKey().toString());
                }
            }
        }
        return Optional.of(highest);
    }

    /** The plan: each project whose stored lines the read changes, with its new lines (pure). */
    static List<ProjectCosts> changedCosts(String tenant, int division, List<ProjectCosts> storedCosts,
            FeedRead feed, Map<String, String> codeByProject) {
        Map<String, ProjectCosts> stored = new HashMap<>();
        storedCosts.forEach(c -> stored.put(c.key().projectId(), c));
        Map<String, List<CostLine>> storedLines = new HashMap<>();
        stored.forEach((project, c) -> storedLines.put(project, c.lines()));
        List<ProjectCosts> changed = new ArrayList<>();
        for (Map.Entry<String, List<CostLine>> merged : ProjectCostsMerge.merge(storedLines, feed.touched(),
                feed.rebooked(), feed.fresh()).entrySet()) {
            String project = merged.getKey();
            ProjectCosts before = stored.get(project);
            if ((before != null && before.lines().equals(merged.getValue()))
                    || (before == null && merged.getValue().isEmpty())) {
                continue;
            }
            String code = codeByProject.getOrDefault(project, before == null ? null : before.costCenterCode());
            changed.add(new ProjectCosts(new ProjectCostsKey(tenant, division, project), code, merged.getValue(),
                    null, before == null ? 0 : before.version()));
        }
        return changed;
    }

    /**
     * What one pass over the transaction-lines feed found: rows read, the highest {@code Timestamp}, every line id
     * seen ({@code touched}, with deleted ones added later), entries booked again, and the purchase cost lines per
     * mapped project.
     */
    record FeedRead(int rows, long highest, Set<String> touched, Set<String> rebooked,
            Map<String, List<CostLine>> fresh) {

        static FeedRead of(Stream<TransactionLine> feed, long from, Map<String, String> codeByProject) {
            Map<String, String> projectByCode = new HashMap<>();
            codeByProject.forEach((project, code) -> projectByCode.put(upper(code), project));
            long highest = from;
            int rows = 0;
            Set<String> touched = new HashSet<>();
            Set<String> rebooked = new HashSet<>();
            Map<String, List<CostLine>> fresh = new HashMap<>();
            for (TransactionLine row : (Iterable<TransactionLine>) feed::iterator) {
                rows++;
                if (row.timestamp() != null) {
                    highest = Math.max(highest, row.timestamp());
                }
                touched.add(lower(row.id()));
                Integer lineNumber = row.lineNumber();
                if (lineNumber != null && lineNumber == PurchaseLines.TOTAL_LINE) {
                    rebooked.add(lower(row.entryId()));
                }
                String costCenter = row.costCenter();
                if (PurchaseLines.isPurchaseCost(row.type(), lineNumber, costCenter)) {
                    String project = projectByCode.get(upper(costCenter));
                    if (project != null) {
                        fresh.computeIfAbsent(project, p -> new ArrayList<>()).add(line(row));
                    }
                }
            }
            return new FeedRead(rows, highest, touched, rebooked, fresh);
        }
    }

    private static CostLine line(TransactionLine row) {
        BigDecimal amount = row.amountDc();
        return new CostLine(lower(row.id()), lower(row.entryId()), row.entryNumber(), row.date(), row.accountName(),
                row.accountCode(), row.glAccountCode(), (amount == null ? BigDecimal.ZERO : amount)
                        .setScale(2, RoundingMode.HALF_UP), row.description());
    }

    private static ProjectCostsUpdated callback(ProjectCosts costs) {
        List<ProjectCostEntry> entries = costs.lines().stream().map(l -> new ProjectCostEntry(
                l.date() == null ? null : l.date().toString(), l.supplier(), l.supplierCode(), l.glAccount(),
                l.amount().toPlainString(), l.description(), l.entryNumber())).toList();
        return new ProjectCostsUpdated(costs.key().projectId(), costs.key().division(), costs.costCenterCode(),
                costs.total().toPlainString(), entries);
    }

    /** GUIDs compared as text: one spelling whichever feed they come from. */
    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    private static String upper(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** What one division's read found. */
    record DivisionRead(int rows, int projectsUpdated) {
    }

    /** Another read-back of the same division stored its result first. */
    static final class ConcurrentReadException extends RuntimeException {
        ConcurrentReadException() {
            super("another read-back of this division saved first");
        }
    }
}
