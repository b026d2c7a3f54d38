package org.exactsync.flow.payment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When payment status is read per division ({@code connector.payment.*}, docs/payment-status.md). */
@ConfigMapping(prefix = "connector.payment")
public interface PaymentConfig {

    /** Time between two full sweeps of a division's open items (duration). Default 5m. */
    @WithDefault("5m")
    Duration sweepInterval();

    /**
     * How old a division's first pending webhook notification must be before it is read (duration); later
     * notifications within it are folded into the same read. Default 5s.
     */
    @WithDefault("5s")
    Duration webhookDebounce();

    /** Least time between two webhook-triggered reads of a division, the budget share left to bookings. Default 1m. */
    @WithDefault("1m")
    Duration webhookReadInterval();
}
