package org.exactsync.flow.project;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.exactsync.mapping.ProjectUpserted;

/** Registers the mapping module's project record for Jackson in a native image (the mapping module stays pure). */
@RegisterForReflection(targets = {ProjectUpserted.class})
final class RegisteredProjectTypes {

    private RegisteredProjectTypes() {
    }
}
