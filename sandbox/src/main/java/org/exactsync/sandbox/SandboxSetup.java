package org.exactsync.sandbox;

import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * What entity sets may need when the sandbox builds them ({@link SandboxEntities#all(SandboxSetup)}).
 *
 * @param clock         the sandbox clock
 * @param clientId      the registered app's client id (webhook notifications carry it)
 * @param webhookSecret the app's webhook secret (HMAC key of webhook {@code HashCode}s)
 * @param divisions     the divisions the sandbox serves
 * @param seed          seed for anything random (deterministic runs)
 * @param webhookTls    whom webhook calls trust; null for the JDK default (public CAs, as Exact)
 */
public record SandboxSetup(Clock clock, String clientId, String webhookSecret, DivisionDirectory divisions,
        long seed, SSLContext webhookTls) {

    public SandboxSetup(Clock clock, String clientId, String webhookSecret, DivisionDirectory divisions, long seed) {
        this(clock, clientId, webhookSecret, divisions, seed, null);
    }

    @Override
    public String toString() {
        // The webhook secret stays out of log lines.
        return "SandboxSetup[clientId=" + clientId + ", seed=" + seed + "]";
    }
}
