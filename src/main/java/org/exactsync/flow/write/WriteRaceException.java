package org.exactsync.flow.write;

/**
 * Another worker holds or changed the same mapping meanwhile: nothing of this attempt is left half-recorded, and the
 * event is retried later (it waits) and then sees the other worker's result.
 */
public final class WriteRaceException extends RuntimeException {

    public WriteRaceException(String message) {
        super(message);
    }
}
