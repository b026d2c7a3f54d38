package org.exactsync.flow.relation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One division's part of the 200 answer: {@code {"division":…,"exactId":…,"code":…}}.
 *
 * @param division Exact division
 * @param exactId  the account's GUID in that division
 * @param code     its relation (debtor/creditor) number, trimmed
 */
@RegisterForReflection
public record DivisionResult(int division, String exactId, String code) {
}
