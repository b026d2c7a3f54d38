package org.exactsync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port for pending OAuth consents ({@link ConnectState}). A state is stored when a signed connect link is followed and
 * consumed exactly once when Exact redirects back: the consume is one conditional delete, so two callbacks racing
 * with the same state (a replayed redirect) cannot both win.
 */
public interface ConnectStateStore {

    /** Stores a new pending consent; the nonce is random, so a clash is a bug and throws. */
    void save(ConnectState state);

    /**
     * Deletes the state if it exists and has not expired at {@code now}, returning what was stored; empty when it was
     * never stored, already consumed, or expired (an expired one stays for the TTL to remove).
     */
    Optional<ConnectState> consume(String tenant, String nonce, Instant now);
}
