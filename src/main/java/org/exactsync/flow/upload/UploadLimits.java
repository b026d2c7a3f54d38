package org.exactsync.flow.upload;

import java.time.Duration;

/**
 * What one part of a bulk upload may hold and how it is queued. A part is one HTTP request: API Gateway passes at
 * most 10 MB and answers after 29 s, Lambda takes at most 6 MB per synchronous invocation (the body base64-encoded
 * inside it), and every line costs two single-item writes (the event and its lane's marker). 1,000 lines of at most
 * 1 MB queue in about 3 s at 4 writes in flight, far inside the deadline; a customer base of tens of thousands of
 * relations is sent as several parts of one upload (docs/crm-contract.md, bulk upload).
 *
 * @param maxPartBytes     largest part body, header line included
 * @param maxLines         most relation lines per part
 * @param maxLineBytes     longest line (its event body is stored in one DynamoDB item)
 * @param maxParts         most parts per upload
 * @param claimConcurrency events claimed at once: the lane's marker item and index partition take every claim of the
 *                         upload, so a few in flight keep well below DynamoDB's per-partition write rate
 * @param finishMargin     no claim is started later than this before the invocation's deadline
 * @param problemsShown    most line problems listed in a refusal (all are counted)
 */
public record UploadLimits(int maxPartBytes, int maxLines, int maxLineBytes, int maxParts, int claimConcurrency,
        Duration finishMargin, int problemsShown) {

    /** The documented limits. */
    public static UploadLimits defaults() {
        return new UploadLimits(1024 * 1024, 1000, 64 * 1024, 200, 4, Duration.ofSeconds(3), 100);
    }
}
