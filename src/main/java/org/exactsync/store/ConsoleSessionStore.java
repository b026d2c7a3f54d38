package org.exactsync.store;

import java.time.Instant;
import java.util.Optional;

/** Port for the operator console's sessions: one item per session in its tenant's partition. */
public interface ConsoleSessionStore {

    /** Stores a new session; a digest already present (a random collision) is refused with an exception. */
    void create(ConsoleSession session);

    /** The session of {@code tenant} under {@code digest} while it has not expired at {@code now}. */
    Optional<ConsoleSession> find(String tenant, String digest, Instant now);

    /** Ends the session (sign-out); absent is fine. */
    void delete(String tenant, String digest);
}
