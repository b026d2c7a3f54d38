package org.exactsync.flow.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactFeeds;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.DeletedRecord;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.flow.relation.ExactAccountValues;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.store.AccountIndexStore;
import org.exactsync.store.CursorKey;
import org.exactsync.store.CursorStore;
import org.exactsync.store.IndexState;
import org.exactsync.store.IndexedAccount;
import org.jboss.logging.Logger;

/**
 * Builds and refreshes a division's index of Exact relations. The first read takes every account from Exact's account
 * sync feed from rowversion 1 (1,000 per page, only the fields the index keeps): the same pages as the bulk endpoint,
 * but each row carries its {@code Timestamp}, so the highest one is where the next read continues; reading bulk and
 * then the feed would read every account twice (docs/exact-reference.md §1.4, §5.17). Later reads take only what
 * changed above the stored cursor, and deletions (entity type 2) from the deleted-records feed.
 */
@ApplicationScoped
public class AccountIndex {

    private static final Logger LOG = Logger.getLogger(AccountIndex.class);
    /** {@code sync/Deleted} entity type of an account (docs/exact-reference.md §5.17). */
    static final int DELETED_ACCOUNT = 2;
    /** Cursor names of the index's own reads; never change them (a new name reads the feed again from 1). */
    static final String ACCOUNTS_CURSOR = "onboarding-index:" + ExactFeeds.ACCOUNTS;
    static final String DELETED_CURSOR = "onboarding-index:" + ExactFeeds.DELETED;
    /** Besides the compared fields, whether the account is blocked (for the report). */
    static final String BLOCKED = "Blocked";
    static final List<String> FIELDS = fields();
    /** Rows per page of the feed (docs/exact-reference.md §1.4): written together before the next page is read. */
    private static final int PAGE = 1_000;
    /** Writes in flight while a page is stored. */
    private static final int WRITERS = 8;

    private final ExactOnline exact;
    private final AccountIndexStore store;
    private final CursorStore cursors;
    private final Clock clock;
    private final Duration readBudget;

    /**
     * @param readBudget how long one call may read before it stops after the page in hand (a function's time is
     *                   limited; 10,000 accounts take several pages)
     */
    @Inject
    public AccountIndex(ExactOnline exact, AccountIndexStore store, CursorStore cursors, Clock clock,
            OnboardingConfig config) {
        this(exact, store, cursors, clock, config.readBudget());
    }

    public AccountIndex(ExactOnline exact, AccountIndexStore store, CursorStore cursors, Clock clock,
            Duration readBudget) {
        this.exact = exact;
        this.store = store;
        this.cursors = cursors;
        this.clock = clock;
        this.readBudget = readBudget;
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(AccountFieldNames.SELECT);
        fields.add(BLOCKED);
        return List.copyOf(fields);
    }

    /**
     * What one build or refresh did.
     *
     * @param added    accounts that were not in the index before
     * @param complete false when the time budget ran out before the feed's end: the next call goes on from there
     */
    public record Run(long accountsRead, long accountsRemoved, long added, boolean complete) {
    }

    public Optional<IndexState> state(String tenant, int division) {
        return store.state(tenant, division);
    }

    /** Reads every account of the division into a fresh index (the old one is forgotten first). */
    public Run build(ExactTarget target) {
        store.clear(target.tenant(), target.division());
        cursors.reset(accountsCursor(target));
        cursors.reset(deletedCursor(target));
        return continueBuild(target, 1);
    }

    /**
     * Applies what changed since the last read; builds when the division has no index yet, and goes on with a build
     * an earlier call left unfinished (its cursor says how far it got).
     */
    public Run refresh(ExactTarget target) {
        Optional<IndexState> state = store.state(target.tenant(), target.division());
        Optional<Long> accountsFrom = cursors.find(accountsCursor(target)).map(c -> c.position());
        if (state.isEmpty()) {
            return accountsFrom.isEmpty() ? build(target) : continueBuild(target, accountsFrom.get());
        }
        long deletedFrom = cursors.find(deletedCursor(target)).map(c -> c.position()).orElse(1L);
        Run run = read(target, accountsFrom.orElse(1L), deletedFrom);
        if (run.complete()) {
            long indexed = state.get().accounts() + run.added() - run.accountsRemoved();
            store.saveState(new IndexState(target.tenant(), target.division(), state.get().builtAt(),
                    clock.instant(), Math.max(0, indexed)));
        }
        return run;
    }

    private Run continueBuild(ExactTarget target, long accountsFrom) {
        String tenant = target.tenant();
        int division = target.division();
        Run run = read(target, accountsFrom, 1);
        if (run.complete()) {
            long accounts;
            try (Stream<IndexedAccount> all = store.all(tenant, division)) {
                accounts = accountsFrom == 1 ? run.added() : all.count();
            }
            Instant now = clock.instant();
            store.saveState(new IndexState(tenant, division, now, now, accounts));
            LOG.infof("account index of tenant %s division %d built: %d accounts", tenant, division, accounts);
        } else {
            LOG.infof("account index of tenant %s division %d: build goes on at the next call", tenant, division);
        }
        return run;
    }

    /**
     * Reads the account feed page by page, storing each page and then moving the cursor past it (a failure or a
     * spent time budget loses at most the page in hand), and, once the account feed is read to its end, the
     * deleted-records feed.
     */
    private Run read(ExactTarget target, long accountsFrom, long deletedFrom) {
        String tenant = target.tenant();
        int division = target.division();
        Instant stopAfter = clock.instant().plus(readBudget);
        AtomicLong highest = new AtomicLong(accountsFrom);
        AtomicLong added = new AtomicLong();
        long read = 0;
        boolean complete = true;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (Stream<ExactRow> rows = exact.accountsChangedSince(target, accountsFrom, FIELDS)) {
            List<IndexedAccount> page = new ArrayList<>(PAGE);
            Iterator<ExactRow> each = rows.iterator();
            while (each.hasNext()) {
                page.add(indexed(each.next()));
                read++;
                if (page.size() == PAGE) {
                    write(writers, target, page, added, highest);
                    page.clear();
                    if (!clock.instant().isBefore(stopAfter) && each.hasNext()) {
                        complete = false;
                        break;
                    }
                }
            }
            write(writers, target, page, added, highest);
        } finally {
            writers.shutdownNow();
        }
        if (!complete) {
            return new Run(read, 0, added.get(), false);
        }
        long removed = 0;
        long deletedHighest = deletedFrom;
        try (Stream<DeletedRecord> deleted = exact.deletedSince(target, deletedFrom)) {
            for (DeletedRecord record : (Iterable<DeletedRecord>) deleted::iterator) {
                deletedHighest = Math.max(deletedHighest, record.timestamp());
                if (record.entityType() != null && record.entityType() == DELETED_ACCOUNT
                        && record.entityKey() != null && store.remove(tenant, division,
                                record.entityKey().toString())) {
                    removed++;
                }
            }
        }
        cursors.advance(deletedCursor(target), deletedHighest, null);
        return new Run(read, removed, added.get(), true);
    }

    /**
     * Stores one page of accounts, several at a time: each account is up to six single-item writes, so 10,000
     * accounts written one after the other would take minutes.
     */
    private void write(ExecutorService writers, ExactTarget target, List<IndexedAccount> page, AtomicLong added,
            AtomicLong highest) {
        String tenant = target.tenant();
        int division = target.division();
        List<Callable<AccountIndexStore.Write>> writes = new ArrayList<>();
        for (IndexedAccount account : page) {
            writes.add(() -> store.put(tenant, division, account, MatchKeys.ofAccount(account.values())));
        }
        try {
            for (Future<AccountIndexStore.Write> write : writers.invokeAll(writes)) {
                if (write.get() == AccountIndexStore.Write.ADDED) {
                    added.incrementAndGet();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("account index write interrupted", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("account index write failed", failed.getCause());
        }
        page.forEach(account -> highest.accumulateAndGet(account.timestamp(), Math::max));
        // Only after the page is stored: a failed write is redone from the old position.
        cursors.advance(accountsCursor(target), highest.get(), null);
    }

    static IndexedAccount indexed(ExactRow row) {
        Map<String, String> values = new java.util.LinkedHashMap<>(ExactAccountValues.fromRow(row));
        values.put(BLOCKED, String.valueOf(Boolean.TRUE.equals(row.bool(BLOCKED))));
        Long timestamp = row.int64("Timestamp");
        return new IndexedAccount(values.get("ID"), timestamp == null ? 0 : timestamp, values);
    }

    private static CursorKey accountsCursor(ExactTarget target) {
        return new CursorKey(target.tenant(), target.division(), ACCOUNTS_CURSOR);
    }

    private static CursorKey deletedCursor(ExactTarget target) {
        return new CursorKey(target.tenant(), target.division(), DELETED_CURSOR);
    }
}
