package org.exactsync.sandbox;

import java.time.Clock;

/** What an {@link EntitySet} may use from the running sandbox. */
public interface SandboxContext {

    /** The sandbox's clock (adjustable in tests): use it for Created/Modified, periods and payment dates. */
    Clock clock();

    /**
     * Announces a change for webhook subscribers of {@code topic} (e.g. {@code Accounts}, {@code SalesEntries}) in
     * the division; {@code action} is {@code Create}, {@code Update} or {@code Delete}. Delivery happens after the
     * write, outside the division lock.
     */
    void publish(int division, String topic, Object key, String action);
}
