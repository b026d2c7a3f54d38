package org.exactsync.sandbox.limits;

/**
 * The call budgets of one app in one division (docs/exact-reference.md §3.1).
 *
 * @param perMinute calls per clock minute (Exact default 60)
 * @param perDay    calls per UTC day (Exact default 5,000)
 */
public record RateLimits(int perMinute, int perDay) {

    /** Exact's defaults for a new app: 60 per minute, 5,000 per day. */
    public static RateLimits exactDefaults() {
        return new RateLimits(60, 5_000);
    }
}
