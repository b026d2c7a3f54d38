package org.exactsync.sandbox.oauth;

import java.time.Instant;
import org.exactsync.sandbox.SandboxUser;

/**
 * One consent's line of rotating tokens. Mutable, guarded by its own monitor inside {@link OAuthServer}.
 */
final class TokenChain {

    final long id;
    final String clientId;
    final SandboxUser user;
    String refreshToken;
    Instant refreshIssuedAt;
    String previousRefreshToken;
    String accessToken;
    Instant accessIssuedAt;
    boolean accessUsed;
    int rotations;
    boolean broken;

    TokenChain(long id, String clientId, SandboxUser user) {
        this.id = id;
        this.clientId = clientId;
        this.user = user;
    }
}
