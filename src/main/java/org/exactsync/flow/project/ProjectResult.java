package org.exactsync.flow.project;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One division's part of the 200 answer: {@code {"division":…,"exactId":…,"code":…}}.
 *
 * @param division Exact division
 * @param exactId  the cost center's GUID in that division
 * @param code     its cost center code
 */
@RegisterForReflection
public record ProjectResult(int division, String exactId, String code) {
}
