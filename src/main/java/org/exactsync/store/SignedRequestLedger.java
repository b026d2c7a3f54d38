package org.exactsync.store;

import java.time.Instant;

/**
 * Remembers signed admin writes for as long as their signature could pass the timestamp window, so a captured write
 * is accepted once: the second arrival of the same signed request is refused.
 */
public interface SignedRequestLedger {

    /**
     * Records {@code signature} (one signed request of {@code tenant}) until {@code forgetAfter}. True when it was not
     * seen before (or only before an earlier {@code forgetAfter} that has passed); false for a replay. One conditional
     * write: two concurrent arrivals of the same request cannot both get true.
     */
    boolean firstUse(String tenant, String signature, Instant forgetAfter, Instant now);
}
