package org.exactsync.sandbox.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact's error limit (docs/exact-reference.md §3.5): more than {@code maxErrors} failing calls (400, 401, 403, 404)
 * per (client, user, division, endpoint) within an hour block that endpoint for that key for an hour.
 */
public final class ErrorBlocker {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int maxErrors;
    private final Map<Key, State> states = new ConcurrentHashMap<>();

    public ErrorBlocker(Clock clock, int maxErrors) {
        this.clock = clock;
        this.maxErrors = maxErrors;
    }

    /** Whether 400/401/403/404 count as errors towards the block. */
    public static boolean countsAsError(int status) {
        return status == 400 || status == 401 || status == 403 || status == 404;
    }

    /** True while the endpoint is blocked for this key. */
    public boolean isBlocked(String clientId, String userId, int division, String endpoint) {
        State state = states.get(new Key(clientId, userId, division, endpoint));
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return state.blockedUntil != null && clock.instant().isBefore(state.blockedUntil);
        }
    }

    /** Records the status of a finished call; the error that exceeds the limit starts the block. */
    public void record(String clientId, String userId, int division, String endpoint, int status) {
        if (!countsAsError(status)) {
            return;
        }
        Instant now = clock.instant();
        State state = states.computeIfAbsent(new Key(clientId, userId, division, endpoint), k -> new State());
        synchronized (state) {
            state.errors.addLast(now);
            while (!state.errors.isEmpty() && !state.errors.peekFirst().isAfter(now.minus(WINDOW))) {
                state.errors.removeFirst();
            }
            if (state.errors.size() > maxErrors) {
                state.blockedUntil = now.plus(WINDOW);
                state.errors.clear();
            }
        }
    }

    /** Lifts all blocks and forgets all errors (a test hook). */
    public void reset() {
        states.clear();
    }

    private record Key(String clientId, String userId, int division, String endpoint) {
    }

    private static final class State {
        private final Deque<Instant> errors = new ArrayDeque<>();
        private Instant blockedUntil;
    }
}
