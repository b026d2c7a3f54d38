package org.exactsync.flow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.UploadPlan;
import org.exactsync.store.UploadProgress;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upload's settled counts follow each stored outcome of its events once, and only its events. */
class UploadProgressObserverTest {

    private static final Instant NOW = UploadFixture.start();

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private UploadFixture fx;
    private UploadProgressObserver observer;

    @BeforeEach
    void setUp() {
        fx = new UploadFixture("upload-observer", clock, UploadFixture.tenant());
        fx.uploads.begin(new UploadPlan(UploadFixture.TENANT, "obs-1", 1, List.of(), NOW), NOW, NOW.plusSeconds(60));
        observer = new UploadProgressObserver(fx.uploads);
    }

    @Test
    void aFinalFailureThatAnOperatorsReplayTurnsIntoASuccessMovesFromFailedToSynced() {
        observer.stored(event("upload:obs-1:1:2", EventStatus.ACCEPTED, false), new Outcome.Failed("no", false),
                "{\"status\":\"failed\"}");
        assertThat(progress().failed()).isEqualTo(1);

        observer.stored(event("upload:obs-1:1:2", EventStatus.FAILED, false), new Outcome.Done(List.of()),
                "{\"status\":\"synced\",\"results\":[]}");

        assertThat(progress().failed()).isZero();
        assertThat(progress().synced()).isEqualTo(1);
    }

    @Test
    void waitsAndRetryableFailuresCountNothingADryRunCountsAsPreviewedAndOtherEventsAreIgnored() {
        observer.stored(event("upload:obs-1:1:2", EventStatus.ACCEPTED, false), new Outcome.Waiting("budget"), null);
        observer.stored(event("upload:obs-1:1:2", EventStatus.WAITING, false), new Outcome.Failed("503", true),
                "{\"status\":\"failed\"}");
        observer.stored(event("upload:obs-1:1:3", EventStatus.ACCEPTED, false), new Outcome.Done(List.of()),
                "{\"status\":\"synced\",\"results\":[{\"division\":1,\"dryRun\":true}]}");
        observer.stored(event("evt-crm-1", EventStatus.ACCEPTED, false), new Outcome.Done(List.of()), "{}");
        observer.stored(event("upload:other:1:2", EventStatus.ACCEPTED, false), new Outcome.Done(List.of()), "{}");

        assertThat(progress().synced()).isZero();
        assertThat(progress().failed()).isZero();
        assertThat(progress().previewed()).isEqualTo(1);
        assertThat(fx.uploads.find(UploadFixture.TENANT, "other")).isEmpty();
    }

    private UploadProgress progress() {
        return fx.uploads.find(UploadFixture.TENANT, "obs-1").orElseThrow();
    }

    private static EventRecord event(String eventId, EventStatus status, boolean retryable) {
        return new EventRecord(UploadFixture.TENANT, eventId, "relation.upserted", "h", "{}", status, null, retryable,
                null, 1, null, null, NOW, NOW, null, NOW.plusSeconds(3600), 2);
    }
}
