package org.exactsync.exact;

import java.time.Duration;

/** A successful token-endpoint answer. Never printed: it holds both secrets. */
record TokenGrant(String accessToken, String refreshToken, Duration expiresIn) {

    @Override
    public String toString() {
        return "TokenGrant[expiresIn=" + expiresIn + "]";
    }
}
