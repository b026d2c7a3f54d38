package org.exactsync.store;

/** Whether a tenant's events are really sent to Exact or only validated and mapped (the go-live switch). */
public enum SyncMode {
    /** Validate, map and record what would be sent; nothing is written to Exact. */
    DRY_RUN,
    /** Real-time sync: events are written to Exact. */
    LIVE
}
