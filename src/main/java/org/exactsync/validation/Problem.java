package org.exactsync.validation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A field-level problem with an inbound event.
 *
 * @param field   JSON path from the envelope root, e.g. {@code data.contacts[0].firstName}
 * @param message what is wrong, without echoing personal data
 */
@RegisterForReflection
public record Problem(String field, String message) {
}
