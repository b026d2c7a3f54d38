package org.exactsync.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment by which the current invocation must have answered: Lambda's remaining time in AWS (API Gateway's 29 s
 * on top for HTTP routes), an injected one in tests and in the local run. Work that cannot finish before it is not
 * started; a wait that would pass it is not slept.
 */
public record Deadline(Instant at) {

    /** API Gateway's REST API answers 504 after this long from the request, whatever the function's timeout. */
    public static final Duration API_GATEWAY_LIMIT = Duration.ofSeconds(29);

    /** No deadline: long-running processes and tools that wait as long as it takes. */
    public static Deadline none() {
        return new Deadline(Instant.MAX);
    }

    /** A deadline {@code budget} from the clock's now. */
    public static Deadline after(Clock clock, Duration budget) {
        return new Deadline(clock.instant().plus(budget));
    }

    /**
     * The deadline of an invocation: the function's {@code remaining} time from now and, for an HTTP route, API
     * Gateway's limit counted from the invocation's start ({@code elapsed} ago), whichever is earlier. The one rule
     * for Lambda, the local run and tests.
     */
    public static Deadline ofInvocation(Clock clock, Duration remaining, boolean httpRoute, Duration elapsed) {
        Deadline function = after(clock, remaining);
        return httpRoute ? function.min(after(clock, API_GATEWAY_LIMIT.minus(elapsed))) : function;
    }

    /** Whether this is a real deadline rather than {@link #none()}. */
    public boolean bounded() {
        return !Instant.MAX.equals(at);
    }

    /** Time left by the clock; zero once passed; very long for {@link #none()}. */
    public Duration remaining(Clock clock) {
        if (!bounded()) {
            return Duration.ofDays(365);
        }
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether {@code work} started now still ends before the deadline. */
    public boolean leaves(Clock clock, Duration work) {
        return !bounded() || !clock.instant().plus(work).isAfter(at);
    }

    /** The earlier of this deadline and {@code other}. */
    public Deadline min(Deadline other) {
        return other.at.isBefore(at) ? other : this;
    }
}
