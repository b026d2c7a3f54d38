package org.exactsync.crm.inbound;

import java.time.Instant;

/** The result of processing an accepted event; the pipeline stores it and turns it into the contract's answer. */
public sealed interface Outcome {

    /**
     * Work done now: 200 {@code {"status":"synced","results":results}}.
     *
     * @param results serialised with Jackson into the answer and the stored result
     */
    record Done(Object results) implements Outcome {
    }

    /**
     * Stored, must wait (rate budget, Exact down, dependency missing): 202 {@code {"status":"accepted"}}; finished
     * later without a new delivery.
     *
     * @param reason  why it waits (ids only, no personal data)
     * @param retryAt when it can go on (the budget's next minute, Exact's reset), or null for the pipeline's
     *                default retry delay
     */
    record Waiting(String reason, Instant retryAt) implements Outcome {

        /** Waiting with the pipeline's default retry delay. */
        public Waiting(String reason) {
            this(reason, null);
        }
    }

    /**
     * Waits for the connector's operator, not for the CRM: the division's configuration in the connector lacks what
     * the event needs (a revenue account or VAT category missing from the ledger mapping). Stored WAITING with a long
     * retry and answered 202 like a wait; a {@code sync.failed} callback ({@code retryable: true}) tells the CRM once;
     * fixing the configuration makes the division's waiting events due at once.
     *
     * @param reason   names the missing configuration field and the division (ids and codes only)
     * @param division the division whose configuration has the gap
     */
    record ConfigurationGap(String reason, int division) implements Outcome {
    }

    /**
     * Cannot complete: stored as failed, answered per the contract, and a {@code sync.failed} callback is sent.
     *
     * @param reason    why (ids only, no personal data)
     * @param retryable whether a replay can help (then it is answered 202 like a wait)
     */
    record Failed(String reason, boolean retryable) implements Outcome {
    }
}
