package org.exactsync.metrics;

/** The metric names the connector emits (documented in docs/operations.md; alarms in template.yaml use them). */
public final class MetricNames {

    /** Every HTTP call to Exact (REST and token endpoint) that got an answer. Property: division, status. */
    public static final String EXACT_CALLS = "ExactCalls";
    /** Answers with status 429 from Exact. Property: division. */
    public static final String EXACT_THROTTLED = "ExactThrottled";
    /** CRM events that ended FAILED (retryable or not). Dimension: Tenant. Property: eventId, type, retryable. */
    public static final String EVENTS_FAILED = "EventsFailed";
    /** Age of the oldest open (not DONE) event of all tenants, in seconds; 0 when there is none. */
    public static final String BACKLOG_AGE = "BacklogAgeSeconds";
    /** Open events by status, one point per status. Dimension: Status. */
    public static final String OPEN_EVENTS = "OpenEvents";
    /** Open events of one (tenant, division) lane, one point per lane. Property: tenant, division. */
    public static final String LANE_BACKLOG = "LaneBacklog";
    /** Age of the oldest open event of one lane, in seconds. Property: tenant, division. */
    public static final String LANE_BACKLOG_AGE = "LaneBacklogAgeSeconds";
    /** Connections whose Exact consent must be given again. */
    public static final String NEEDS_CONSENT = "NeedsConsentConnections";

    private MetricNames() {
    }
}
