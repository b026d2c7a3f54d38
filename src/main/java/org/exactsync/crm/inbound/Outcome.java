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
     * Cannot complete: stored as failed, answered per the contract, and a {@code sync.failed} callback is sent.
     *
     * @param reason    why (ids only, no personal data)
     * @param retryable whether a replay can help (then it is answered 202 like a wait)
     */
    record Failed(String reason, boolean retryable) implements Outcome {
    }
}
