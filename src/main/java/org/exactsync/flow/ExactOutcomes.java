package org.exactsync.flow;

import java.time.Instant;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactAuthException;
import org.exactsync.exact.ExactDeadlineException;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactRateLimitedException;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.exact.ExactValidationException;
import org.jboss.logging.Logger;

/**
 * The one mapping of an Exact failure to an event's outcome, shared by the relation, invoice and project flows. What
 * can pass waits (retryable, 202): the budget, Exact's reset, Exact down, and work not started because the
 * invocation's deadline was too close, each from the instant it can go on; a rejection of the data fails for good;
 * a refused consent fails retryably (the replay succeeds once a person consents again).
 */
public final class ExactOutcomes {

    private static final Logger LOG = Logger.getLogger(ExactOutcomes.class);

    private ExactOutcomes() {
    }

    /**
     * @param failure  what the Exact client threw while syncing
     * @param subject  what was synced, e.g. {@code relation rel-1001} (ids only)
     * @param division the division it was synced to
     * @param tenant   the event's tenant
     */
    public static Outcome of(ExactException failure, String subject, int division, String tenant) {
        if (failure instanceof ExactValidationException rejected) {
            if (isGatewayStatus(rejected.status())) {
                // The client reads any error body as a rejection; a gateway or unavailable status never is one.
                return new Outcome.Waiting("division " + division + ": Exact answered " + rejected.status());
            }
            // Never retried: Exact would reject the same data again, and each 400 counts toward its error block.
            return new Outcome.Failed("Exact rejected " + subject + " in division " + division + ": "
                    + rejected.exactMessage(), false);
        }
        if (failure instanceof ExactDeadlineException late) {
            return waiting(subject, division, failure, late.retryAt());
        }
        if (failure instanceof ExactRateLimitedException limited) {
            return waiting(subject, division, failure, limited.resetAt());
        }
        if (failure instanceof ExactTransientException) {
            return waiting(subject, division, failure, null);
        }
        if (failure instanceof ExactAuthException) {
            return new Outcome.Failed("Exact consent needed for tenant " + tenant + ": " + failure.getMessage(), true);
        }
        return new Outcome.Failed("Exact failed for " + subject + " in division " + division + ": "
                + failure.getMessage(), true);
    }

    /** 502, 503, 504: Exact or a gateway before it did not answer; never a verdict on the data. */
    public static boolean isGatewayStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static Outcome waiting(String subject, int division, ExactException failure, Instant retryAt) {
        LOG.infof("%s waits in division %d: %s", subject, division, failure.getClass().getSimpleName());
        return new Outcome.Waiting("division " + division + ": " + failure.getMessage(), retryAt);
    }
}
