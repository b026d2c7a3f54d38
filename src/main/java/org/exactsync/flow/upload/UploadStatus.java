package org.exactsync.flow.upload;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

import org.exactsync.store.UploadPart;
import org.exactsync.store.UploadProgress;

/**
 * An upload's progress as the status routes answer it.
 *
 * @param uploadId the CRM's id of the upload
 * @param state    {@code receiving} (parts missing), {@code draining} (every part queued, events open) or
 *                 {@code finished} (every event settled)
 * @param parts    parts expected, accepted and refused (a refused part queued nothing; send it again fixed)
 * @param lines    relation lines received (in accepted and refused parts), accepted, invalid (in refused parts)
 * @param events   queued (one per accepted line), processed (synced + previewed + failed), synced (adopted or
 *                 created in Exact, a {@code relation.synced} callback sent), previewed (dry run, nothing written),
 *                 failed (for good, a {@code sync.failed} callback sent), waiting (queued, not settled yet)
 * @param refused  the refused parts' numbers
 */
@RegisterForReflection
public record UploadStatus(String uploadId, String state, Parts parts, Lines lines, Events events,
        List<Integer> refused) {

    /** Part counts. */
    @RegisterForReflection
    public record Parts(int expected, int accepted, int refused) {
    }

    /** Line counts. */
    @RegisterForReflection
    public record Lines(long received, long accepted, long invalid) {
    }

    /** Event counts. */
    @RegisterForReflection
    public record Events(long queued, long processed, long synced, long previewed, long failed, long waiting) {
    }

    /** The status of a stored upload. */
    static UploadStatus of(UploadProgress progress) {
        List<UploadPart> parts = progress.parts();
        List<UploadPart> accepted = parts.stream().filter(p -> p.status() == UploadPart.Status.ACCEPTED).toList();
        List<UploadPart> refused = parts.stream().filter(p -> p.status() == UploadPart.Status.REFUSED).toList();
        long queued = accepted.stream().mapToLong(UploadPart::accepted).sum();
        long processed = progress.synced() + progress.previewed() + progress.failed();
        long waiting = Math.max(0, queued - processed);
        String state = accepted.size() < progress.plan().parts() ? "receiving"
                : waiting > 0 ? "draining" : "finished";
        return new UploadStatus(progress.plan().uploadId(), state,
                new Parts(progress.plan().parts(), accepted.size(), refused.size()),
                new Lines(parts.stream().mapToLong(UploadPart::lines).sum(), queued,
                        refused.stream().mapToLong(UploadPart::invalid).sum()),
                new Events(queued, processed, progress.synced(), progress.previewed(), progress.failed(), waiting),
                refused.stream().map(UploadPart::part).toList());
    }
}
