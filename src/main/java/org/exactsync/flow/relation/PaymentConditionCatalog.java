package org.exactsync.flow.relation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.PaymentCondition;

/**
 * A division's payment conditions, read once and kept for an hour per warm function instance. They are master data a
 * bookkeeper rarely changes (docs/exact-reference.md §9.1 step 4: load and cache per division), and reading them per
 * event would cost one call of Exact's per-minute budget for every relation.
 */
@ApplicationScoped
public class PaymentConditionCatalog {

    static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    private final ExactOnline exact;
    private final Clock clock;
    private final Map<String, Loaded> byDivision = new ConcurrentHashMap<>();

    @Inject
    public PaymentConditionCatalog(ExactOnline exact, Clock clock) {
        this.exact = exact;
        this.clock = clock;
    }

    /** The division's conditions, from the cache while fresh. */
    public List<PaymentCondition> conditions(ExactTarget target) {
        String key = target.tenant() + "/" + target.division();
        Instant now = clock.instant();
        Loaded loaded = byDivision.get(key);
        if (loaded == null || loaded.at().plus(TIME_TO_LIVE).isBefore(now)) {
            loaded = new Loaded(List.copyOf(exact.paymentConditions(target)), now);
            byDivision.put(key, loaded);
        }
        return loaded.conditions();
    }

    private record Loaded(List<PaymentCondition> conditions, Instant at) {
    }
}
