package org.exactsync.flow.payment;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one open-item poll did.
 *
 * @param divisions divisions read
 * @param changes   receivable payment terms read
 * @param callbacks {@code invoice.payment-status-changed} callbacks sent
 * @param resyncs   divisions read in full (first run or after a division move)
 * @param failed    {@code tenant/division} pairs that could not be read this time (retried next poll)
 */
@RegisterForReflection
public record PollReport(int divisions, int changes, int callbacks, int resyncs, List<String> failed) {

    public PollReport {
        failed = List.copyOf(failed);
    }

    /** The sum of per-division reports (a round's). */
    public static PollReport sum(List<PollReport> reports) {
        List<String> failed = new java.util.ArrayList<>();
        int divisions = 0;
        int changes = 0;
        int callbacks = 0;
        int resyncs = 0;
        for (PollReport report : reports) {
            divisions += report.divisions();
            changes += report.changes();
            callbacks += report.callbacks();
            resyncs += report.resyncs();
            failed.addAll(report.failed());
        }
        return new PollReport(divisions, changes, callbacks, resyncs, failed);
    }
}
