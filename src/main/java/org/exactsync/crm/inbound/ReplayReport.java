package org.exactsync.crm.inbound;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one replay run did.
 *
 * @param resumed events run again
 * @param done    of those, finished now
 * @param skipped open events not due yet, held by a live worker, or of a type no handler takes
 */
@RegisterForReflection
public record ReplayReport(int resumed, int done, int skipped) {
}
