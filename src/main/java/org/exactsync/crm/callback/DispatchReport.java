package org.exactsync.crm.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one dispatch run did.
 *
 * @param queues    callback queues looked at
 * @param delivered callbacks the CRM accepted
 * @param failed    attempts that failed and were rescheduled
 */
@RegisterForReflection
public record DispatchReport(int queues, int delivered, int failed) {
}
