package org.exactsync.sandbox.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults armed in a sandbox: rules (for the next N calls or with a seeded probability) and maintenance windows
 * on the sandbox clock. Deterministic for a given seed and call order.
 */
public final class FaultInjector {

    private final Clock clock;
    private final Random random;
    private final List<Armed> rules = new CopyOnWriteArrayList<>();
    private final List<Window> maintenance = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FaultInjector(Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** Arms a rule; rules are checked in the order they were added. */
    public FaultInjector inject(FaultRule rule) {
        rules.add(new Armed(rule, new AtomicInteger(rule.times())));
        return this;
    }

    /** Answers 503 to every API call while the sandbox clock is in {@code [from, until)}. */
    public FaultInjector maintenance(Instant from, Instant until) {
        maintenance.add(new Window(from, until));
        return this;
    }

    /** True while a maintenance window is open. */
    public boolean inMaintenance() {
        Instant now = clock.instant();
        return maintenance.stream().anyMatch(w -> !now.isBefore(w.from) && now.isBefore(w.until));
    }

    /**
     * True while a maintenance window is open, counting the call it refuses (see {@link #hits()}): what the API
     * handler asks for each call.
     */
    public boolean refusesForMaintenance() {
        boolean refused = inMaintenance();
        if (refused) {
            count("MAINTENANCE 503");
        }
        return refused;
    }

    /**
     * How many calls each fault hit, by label: {@code STATUS 500}, {@code TOO_MANY_REQUESTS},
     * {@code TIMEOUT_AFTER_COMMIT}, {@code LATENCY}, {@code MAINTENANCE 503}. Lets a test prove a fault it armed
     * really happened. Kept across {@link #reset()}.
     */
    public Map<String, Integer> hits() {
        Map<String, Integer> out = new TreeMap<>();
        hits.forEach((label, n) -> out.put(label, n.get()));
        return out;
    }

    private void count(String label) {
        hits.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
    }

    /** The end of the open maintenance window, if any. */
    public Optional<Instant> maintenanceUntil() {
        Instant now = clock.instant();
        return maintenance.stream().filter(w -> !now.isBefore(w.from) && now.isBefore(w.until))
                .map(w -> w.until).max(Instant::compareTo);
    }

    /** Draws the rules that hit this call (each consumes one of its remaining times). */
    public List<FaultRule> fire(String method, String endpoint) {
        List<FaultRule> hit = new ArrayList<>();
        for (Armed armed : rules) {
            if (!armed.rule.matches(method, endpoint)) {
                continue;
            }
            if (armed.rule.probability() < 1.0) {
                boolean draw;
                synchronized (random) {
                    draw = random.nextDouble() < armed.rule.probability();
                }
                if (!draw) {
                    continue;
                }
            }
            if (armed.rule.times() >= 0) {
                int left = armed.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0);
                if (left <= 0) {
                    continue;
                }
            }
            hit.add(armed.rule);
            count(armed.rule.kind() == FaultKind.STATUS ? "STATUS " + armed.rule.status() : armed.rule.kind().name());
        }
        return hit;
    }

    /** Disarms every rule and maintenance window. */
    public void reset() {
        rules.clear();
        maintenance.clear();
    }

    private record Armed(FaultRule rule, AtomicInteger remaining) {
    }

    private record Window(Instant from, Instant until) {
    }
}
