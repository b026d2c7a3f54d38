package org.exactsync.flow.relation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.exactsync.mapping.FieldConflict;
import org.exactsync.mapping.RelationAddress;
import org.exactsync.mapping.RelationContact;
import org.exactsync.mapping.RelationUpserted;

/**
 * Registers the mapping module's records for Jackson in a native image: the mapping module itself must not depend on
 * Quarkus (it stays pure), so the flow that binds and serialises them does it.
 */
@RegisterForReflection(targets = {RelationUpserted.class, RelationAddress.class, RelationContact.class,
    FieldConflict.class})
final class RegisteredMappingTypes {

    private RegisteredMappingTypes() {
    }
}
