package org.exactsync.flow.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.ClosedPeriod;
import org.exactsync.mapping.FinanceMasterData;
import org.exactsync.store.DivisionCacheStore;
import org.exactsync.store.DivisionCacheStore.CachedCopy;
import org.jboss.logging.Logger;

/**
 * A division's finance master data, read from Exact in six calls and then kept: in DynamoDB for a day (so a cold
 * function instance reads one item instead of spending six of Exact's 60 calls per minute) and in memory for an hour
 * per warm instance. A copy older than {@link #RECHECK_AFTER} is re-read once when it refuses a booking, so a fix the
 * bookkeeper just made (a period opened, a GL account unblocked) is seen without waiting a day; a booking Exact
 * rejects evicts the copy.
 */
@ApplicationScoped
public class FinanceMasterDataCache {

    static final String NAME = "finance-master-data";
    /** How long a copy read from Exact is used at all. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(24);
    /** How long a warm instance trusts its own copy before looking at the shared one again. */
    static final Duration IN_MEMORY = Duration.ofHours(1);
    /** A refusal based on a copy at least this old is checked against a fresh read first. */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(FinanceMasterDataCache.class);

    private final ExactOnline exact;
    private final DivisionCacheStore store;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Loaded> memory = new ConcurrentHashMap<>();

    @Inject
    public FinanceMasterDataCache(ExactOnline exact, DivisionCacheStore store, Clock clock, ObjectMapper json) {
        this.exact = exact;
        this.json = json;
        this.store = store;
        this.clock = clock;
    }

    /** The division's master data and when it was read from Exact. */
    public Loaded get(ExactTarget target) {
        String key = key(target);
        Instant now = clock.instant();
        Loaded held = memory.get(key);
        if (held != null && held.seenAt().plus(IN_MEMORY).isAfter(now)
                && held.loadedAt().plus(TIME_TO_LIVE).isAfter(now)) {
            return held;
        }
        Optional<CachedCopy> shared = store.find(target.tenant(), target.division(), NAME);
        if (shared.isPresent()) {
            Loaded loaded = new Loaded(decode(shared.get().payload()), shared.get().loadedAt(), now);
            memory.put(key, loaded);
            return loaded;
        }
        return reload(target);
    }

    /** Reads the master data from Exact now and shares the copy. */
    public Loaded reload(ExactTarget target) {
        Instant now = clock.instant();
        FinanceMasterData data = read(target);
        store.put(target.tenant(), target.division(), NAME, new CachedCopy(encode(data), now),
                now.plus(TIME_TO_LIVE));
        Loaded loaded = new Loaded(data, now, now);
        memory.put(key(target), loaded);
        LOG.infof("finance master data of division %d read from Exact", target.division());
        return loaded;
    }

    /** Forgets every copy of the division, e.g. after Exact rejected a booking the copy had let through. */
    public void evict(ExactTarget target) {
        memory.remove(key(target));
        store.evict(target.tenant(), target.division(), NAME);
    }

    private FinanceMasterData read(ExactTarget target) {
        List<ClosedPeriod> closed = exact.closedJournalPeriods(target).stream()
                .map(c -> new ClosedPeriod(c.journal(), c.year(), c.period())).toList();
        return new FinanceMasterData(exact.journals(target), exact.glAccounts(target), exact.vatCodes(target),
                exact.financialPeriods(target), closed, exact.paymentConditions(target));
    }

    private String encode(FinanceMasterData data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("master data does not serialise", e);
        }
    }

    private FinanceMasterData decode(String payload) {
        try {
            return json.readValue(payload, FinanceMasterData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cached master data does not parse", e);
        }
    }

    private static String key(ExactTarget target) {
        return target.tenant() + "/" + target.division();
    }

    /**
     * A copy of the master data.
     *
     * @param data     the master data
     * @param loadedAt when it was read from Exact
     * @param seenAt   when this instance took it from the shared copy (or read it)
     */
    public record Loaded(FinanceMasterData data, Instant loadedAt, Instant seenAt) {
    }
}
