package org.exactsync.flow.upload;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.AttemptObserver;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.UploadStore;

/**
 * Counts an upload's settled events on its head as the drain finishes them: done (synced in Exact, or previewed in
 * dry run) and failed for good. Each count moves once per transition, because the pipeline stores each transition
 * with one conditional write and tells its observers after it: a final failure that an operator's replay turns into
 * a success moves from failed to synced. Events still open are what the upload queued less what settled.
 */
@ApplicationScoped
public class UploadProgressObserver implements AttemptObserver {

    private final UploadStore uploads;

    public UploadProgressObserver(UploadStore uploads) {
        this.uploads = uploads;
    }

    @Override
    public void stored(EventRecord before, Outcome outcome, String resultJson) {
        if (!RelationUpload.TYPE.equals(before.type())) {
            return;
        }
        UploadEventIds.uploadOf(before.eventId()).ifPresent(upload -> {
            boolean wasFailedForGood = before.status() == EventStatus.FAILED && !before.retryable();
            boolean failsForGood = outcome instanceof Outcome.Failed failed && !failed.retryable();
            int synced = 0;
            int previewed = 0;
            if (outcome instanceof Outcome.Done) {
                // The relation flow's dry-run answer marks every division's result with "dryRun": true.
                if (resultJson != null && resultJson.contains("\"dryRun\":true")) {
                    previewed = 1;
                } else {
                    synced = 1;
                }
            }
            int failed = (failsForGood ? 1 : 0) - (wasFailedForGood ? 1 : 0);
            if (synced != 0 || previewed != 0 || failed != 0) {
                uploads.countSettled(before.tenant(), upload, synced, previewed, failed);
            }
        });
    }
}
