package org.exactsync.sandbox.oauth;

/**
 * What the token endpoint returns; rendered with {@code expires_in} as a JSON string ("600"), as Exact does
 * (docs/exact-reference.md §2.3).
 */
public record TokenResponse(String accessToken, String refreshToken, int expiresInSeconds) {

    @Override
    public String toString() {
        // Tokens stay out of log lines, the sandbox's too: its logs look like the real thing's.
        return "TokenResponse[expiresInSeconds=" + expiresInSeconds + "]";
    }
}
