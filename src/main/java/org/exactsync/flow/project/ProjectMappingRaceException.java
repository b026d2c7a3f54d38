package org.exactsync.flow.project;

/** Another worker changed the same project mapping meanwhile; the event waits and the replay sees its result. */
final class ProjectMappingRaceException extends RuntimeException {

    ProjectMappingRaceException(String message) {
        super(message);
    }
}
