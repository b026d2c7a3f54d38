package org.exactsync.sandbox.oauth;

/**
 * An app registered in the (simulated) Exact App Center.
 *
 * @param clientId     client id
 * @param clientSecret client secret
 * @param redirectUri  the one registered redirect URI
 */
public record OAuthClient(String clientId, String clientSecret, String redirectUri) {

    @Override
    public String toString() {
        // The secret stays out of log lines.
        return "OAuthClient[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
    }
}
