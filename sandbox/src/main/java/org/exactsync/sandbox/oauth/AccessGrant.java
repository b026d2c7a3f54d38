package org.exactsync.sandbox.oauth;

import java.time.Instant;
import org.exactsync.sandbox.SandboxUser;

/** Who a valid bearer token speaks for. */
public record AccessGrant(String clientId, SandboxUser user, Instant expiresAt) {
}
