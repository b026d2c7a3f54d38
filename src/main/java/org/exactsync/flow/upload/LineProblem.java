package org.exactsync.flow.upload;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A problem with one line of an upload part.
 *
 * @param line    the line's number in the part, from 1 (the header line)
 * @param field   JSON path within the line, e.g. {@code vatNumber} or {@code contacts[0].email}; {@code line} for
 *                the line as a whole
 * @param message what is wrong, without echoing the value (it may be personal data)
 */
@RegisterForReflection
public record LineProblem(int line, String field, String message) {
}
