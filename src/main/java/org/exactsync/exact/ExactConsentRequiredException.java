package org.exactsync.exact;

/**
 * The tenant's token chain is broken (superseded or expired refresh token, consent withdrawn, user inactive): only a
 * person logging in to Exact again can repair it. The connection is marked {@code NEEDS_CONSENT} before this is
 * thrown.
 */
public class ExactConsentRequiredException extends ExactAuthException {

    private final String tenant;

    public ExactConsentRequiredException(String tenant, String reason) {
        super("Exact connection of tenant " + tenant + " needs a new consent: " + reason);
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
