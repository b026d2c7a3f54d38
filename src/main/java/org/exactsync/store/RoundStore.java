package org.exactsync.store;

import java.time.Instant;

/**
 * Port for the rounds of fanned-out schedules: a round lease, so that a round that overruns its period is never
 * overlapped by the next one, and a once-per-round claim of each work item, so that a work item delivered twice (an
 * asynchronous invocation is at-least-once) costs no second set of Exact calls. Each is one conditional write.
 */
public interface RoundStore {

    /**
     * Starts {@code round} of {@code schedule} with {@code items} work items pending. Refused while the previous round
     * still has pending items and has not reached its {@code cap} (a lost worker blocks rounds only until then).
     */
    boolean begin(String schedule, String round, int items, Instant cap);

    /** A worker's claim of its item: true once per round for a (tenant, division); null division: tenant-wide. */
    boolean claimItem(String schedule, String round, String tenant, Integer division);

    /** A work item is over (done, failed, or never handed out): one pending item less, if the round is still on. */
    void finishItem(String schedule, String round);
}
