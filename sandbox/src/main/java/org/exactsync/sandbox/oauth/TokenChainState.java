package org.exactsync.sandbox.oauth;

import java.time.Instant;
import java.util.UUID;

/**
 * A test's view of one token chain.
 *
 * @param chainId        sandbox id of the chain (one per consent)
 * @param clientId       app
 * @param userId         consenting user
 * @param broken         true once a superseded refresh token was used ("Old refresh token used."): only a new
 *                       consent helps
 * @param rotations      how many refreshes succeeded
 * @param accessIssuedAt when the chain's current access token was issued
 */
public record TokenChainState(long chainId, String clientId, UUID userId, boolean broken, int rotations,
        Instant accessIssuedAt) {
}
