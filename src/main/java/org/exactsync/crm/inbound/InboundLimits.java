package org.exactsync.crm.inbound;

import java.time.Duration;

import org.exactsync.config.CrmConfig;

/**
 * The pipeline's timings.
 *
 * @param signatureTolerance largest distance between a signature's {@code t} and now
 * @param eventRetention     how long an event id is remembered for deduplication
 * @param lease              how long one worker may hold an event before another may take over
 * @param waitingRetry       earliest retry of a waiting event
 */
public record InboundLimits(Duration signatureTolerance, Duration eventRetention, Duration lease,
        Duration waitingRetry) {

    /** The contract's defaults: 300 s tolerance, 30 days retention, 5 min lease, retry after a minute. */
    public static InboundLimits defaults() {
        return new InboundLimits(Duration.ofSeconds(300), Duration.ofDays(30), Duration.ofMinutes(5),
                Duration.ofMinutes(1));
    }

    static InboundLimits from(CrmConfig.Inbound config) {
        return new InboundLimits(config.signatureTolerance(), config.eventRetention(), config.lease(),
                config.waitingRetry());
    }
}
