package org.exactsync.exact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;

/**
 * The client's one reading of the invocation's deadline: whether a wait may be slept, and how long a call may take.
 * Everything is measured to the deadline less {@link ExactSettings.Deadlines#margin()}, which stays free for storing
 * the outcome and answering.
 */
final class DeadlineGuard {

    private final InvocationDeadline invocation;
    private final ExactSettings.Deadlines settings;
    private final Clock clock;

    DeadlineGuard(InvocationDeadline invocation, ExactSettings.Deadlines settings, Clock clock) {
        this.invocation = invocation;
        this.settings = settings;
        this.clock = clock;
    }

    /** No deadline at all: tools and tests that wait as long as it takes. */
    static DeadlineGuard none(Clock clock) {
        return new DeadlineGuard(new InvocationDeadline(), ExactSettings.Deadlines.defaults(), clock);
    }

    /**
     * Before sleeping until {@code until}: throws when that is past the usable deadline, so the caller answers
     * "waiting" instead of sleeping into a timeout.
     */
    void beforeWait(Instant until, String what) {
        Deadline deadline = invocation.current();
        if (settings.inlineWaits() || !deadline.bounded()) {
            return;
        }
        if (until.isAfter(deadline.at().minus(settings.margin()))) {
            throw new ExactDeadlineException(what + " would pass the invocation's deadline", until);
        }
    }

    /** Whether {@code work} started now ends before the deadline less its margin. */
    boolean leaves(Duration work) {
        Deadline deadline = invocation.current();
        return settings.inlineWaits() || !deadline.bounded()
                || !clock.instant().plus(work).isAfter(deadline.at().minus(settings.margin()));
    }

    /**
     * The timeout for a call about to be sent: {@code configured}, cut to what is left before the margin. A write
     * ({@code write}) is refused below the minimum write window, a read once nothing is left; either way nothing is
     * sent and the call can go again at once in a later invocation.
     */
    Duration timeoutFor(Duration configured, boolean write, String what) {
        Deadline deadline = invocation.current();
        if (settings.inlineWaits() || !deadline.bounded()) {
            return configured;
        }
        Instant now = clock.instant();
        Duration left = Duration.between(now, deadline.at().minus(settings.margin()));
        if (write && left.compareTo(settings.minWriteWindow()) < 0) {
            throw new ExactDeadlineException(what + " not sent: " + millis(left) + " ms left before the deadline,"
                    + " a write needs " + settings.minWriteWindow().toMillis() + " ms", now);
        }
        if (left.isNegative() || left.isZero()) {
            throw new ExactDeadlineException(what + " not sent: the invocation's deadline is reached", now);
        }
        return left.compareTo(configured) < 0 ? left : configured;
    }

    private static long millis(Duration left) {
        return Math.max(0, left.toMillis());
    }
}
