package org.exactsync.flow.relation;

/** Another worker changed the same mapping meanwhile; the event is retried later and then sees its result. */
final class MappingRaceException extends RuntimeException {

    MappingRaceException(String message) {
        super(message);
    }
}
