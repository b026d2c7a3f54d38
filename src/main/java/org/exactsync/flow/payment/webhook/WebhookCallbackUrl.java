package org.exactsync.flow.payment.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The callback URL given to Exact's webhook subscriptions. Exact calls https callbacks only and refuses a plain-http
 * one (docs/exact-reference.md §6.1), so a misconfigured URL is refused here, naming the setting, before any Exact
 * call rather than as one failed subscription per topic and division.
 */
public final class WebhookCallbackUrl {

    /** The setting the URL comes from (env {@code CONNECTOR_EXACT_WEBHOOK_CALLBACK_URL}). */
    public static final String PROPERTY = "connector.exact-webhook.callback-url";

    private WebhookCallbackUrl() {
    }

    /** The configured URL, empty when none is set (no subscriptions then). */
    public static Optional<String> of(Optional<String> configured) {
        return configured.map(String::strip).filter(url -> !url.isEmpty()).map(WebhookCallbackUrl::require);
    }

    /**
     * @throws IllegalArgumentException naming {@link #PROPERTY} when {@code url} is not an absolute https URL
     */
    public static String require(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(PROPERTY + " is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(PROPERTY + " must be an absolute https URL: Exact calls https"
                    + " webhook callbacks only");
        }
        return url;
    }
}
