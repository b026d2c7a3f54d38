package org.exactsync.crm.inbound;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one replay run (or round) did.
 *
 * @param resumed events run again
 * @param done    of those, finished now
 * @param skipped open events not due yet, held behind an older event of their entity or of one they need, held by a
 *                live worker, or of a type no handler takes
 * @param lanes   (tenant, division) lanes drained by this run, or handed to workers by a fanned-out round
 * @param cutShort lanes this run left with due events because its deadline came (their worker hands them on)
 */
@RegisterForReflection
public record ReplayReport(int resumed, int done, int skipped, int lanes, int cutShort) {

    /** A run that drained every lane it took to its end. */
    public ReplayReport(int resumed, int done, int skipped, int lanes) {
        this(resumed, done, skipped, lanes, 0);
    }

    /** A run that drained no lane. */
    public ReplayReport(int resumed, int done, int skipped) {
        this(resumed, done, skipped, 0);
    }
}
