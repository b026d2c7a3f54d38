package org.exactsync.exact;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import org.exactsync.time.Backoff;

/**
 * When a failed call to Exact is tried again. Exact has no idempotency key and blocks an endpoint for an hour after
 * more than 10 failing calls (docs/exact-reference.md §3.5, §8.4), so only failures that cannot have changed anything, or
 * that are safe to repeat, are retried. 401 is handled by the token custodian before this policy is asked.
 */
final class RetryPolicy {

    enum Action {
        /** Back off ({@link #sleepTime(int)}) and send the same request again. */
        RETRY,
        /** Wait for the rate-limit reset Exact announced, then send again. */
        WAIT_FOR_RESET,
        /** Report the failure as it is. */
        GIVE_UP,
        /** Stop and tell the caller Exact may have executed the request. */
        OUTCOME_UNKNOWN
    }

    private final ExactSettings.Retry settings;
    private final DoubleSupplier random;

    RetryPolicy(ExactSettings.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** No response arrived; {@code attempt} counts from 1. */
    Action onConnectionFailure(String method, boolean mayHaveReachedExact, int attempt) {
        if (!mayHaveReachedExact) {
            // Refused or never connected: nothing reached Exact, any method may be sent again.
            return attempt < settings.maxAttempts() ? Action.RETRY : Action.GIVE_UP;
        }
        if ("POST".equals(method)) {
            // A POST that may have been executed must not be repeated blindly: it would book twice.
            return Action.OUTCOME_UNKNOWN;
        }
        // GET reads; PUT sends the same partial update again; DELETE again at worst finds nothing (404).
        return attempt < settings.maxAttempts() ? Action.RETRY : Action.GIVE_UP;
    }

    /** Exact answered {@code status} (never 2xx or 401 here). */
    Action onStatus(String method, int status, int attempt) {
        boolean attemptsLeft = attempt < settings.maxAttempts();
        return switch (status) {
            // Over the minute limit: nothing was executed; wait for the reset the headers give.
            case 429 -> attemptsLeft ? Action.WAIT_FOR_RESET : Action.GIVE_UP;
            // Service unavailable, bad gateway, gateway timeout: not a clear refusal. Exact does not say a 503 comes
            // before processing, and a gateway may have let the request through, so a POST is never sent again
            // blindly: the caller looks the entity up first (one GET). Others are safe to repeat.
            case 502, 503, 504 -> "POST".equals(method) ? Action.OUTCOME_UNKNOWN
                    : attemptsLeft ? Action.RETRY : Action.GIVE_UP;
            // 400/403/404/405 and 500 carry validation errors: repeating cannot succeed and feeds the error block.
            default -> Action.GIVE_UP;
        };
    }

    /** Exponential back-off with jitter: half the step fixed, half random, so workers spread out. */
    Duration sleepTime(int attempt) {
        return new Backoff(settings.initialBackoff(), settings.maxBackoff(), random).after(attempt);
    }
}
