package org.exactsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Exact Online connection settings ({@code exact.*}). The first five are what an operator sets, through the
 * environment variables EXACT_SITE_URL, EXACT_CLIENT_ID, EXACT_CLIENT_SECRET, EXACT_REDIRECT_URI and
 * EXACT_WEBHOOK_SECRET; the rest have defaults that follow Exact's published limits.
 */
@ConfigMapping(prefix = "exact")
public interface ExactConfig {

    /** Exact country site base URL (OAuth and REST share it). Default {@code https://start.exactonline.nl}. */
    @WithDefault("https://start.exactonline.nl")
    String siteUrl();

    /** App client id from Exact's App Center (also keys the per-division call budget). Required. */
    String clientId();

    /**
     * App client secret, never logged. In AWS only a function granted {@code client-secret} has it (SecretGrant);
     * use {@link #clientSecret()}.
     */
    @WithName("client-secret")
    Optional<String> grantedClientSecret();

    /** App client secret; fails, naming the property, in a function that was not given it. */
    default String clientSecret() {
        return grantedClientSecret().orElseThrow(() -> new IllegalStateException(
                "exact.client-secret is not set: EXACT_CLIENT_SECRET, or CONNECTOR_SECRETS lacks client-secret"));
    }

    /** Redirect URI registered for the app (HTTPS). Required. */
    String redirectUri();

    /**
     * Webhook secret from the App Center, the HMAC key of webhook {@code HashCode}s, never logged. In AWS only
     * {@code exact-webhook} has it; use {@link #webhookSecret()}.
     */
    @WithName("webhook-secret")
    Optional<String> grantedWebhookSecret();

    /** Webhook secret; fails, naming the property, in a function that was not given it. */
    default String webhookSecret() {
        return grantedWebhookSecret().orElseThrow(() -> new IllegalStateException(
                "exact.webhook-secret is not set: EXACT_WEBHOOK_SECRET, or CONNECTOR_SECRETS lacks webhook-secret"));
    }

    /** Call budget per (app, division). */
    Budget budget();

    /** HTTP timeouts. */
    Http http();

    /** Token custody. */
    Token token();

    /** Retries of failed calls. */
    Retry retry();

    /** How calls and waits keep inside each invocation's deadline. */
    Deadline deadline();

    interface Budget {

        /**
         * Calls per clock minute per division (count). Default 60, Exact's standard; the lower of this and Exact's
         * {@code X-RateLimit-Minutely-Limit} applies.
         */
        @WithDefault("60")
        int perMinute();

        /** Calls per UTC day per division (count). Default 5000, Exact's standard for new apps. */
        @WithDefault("5000")
        int perDay();

        /** Calls per window left unused for other users of the same app id (count). Default 0. */
        @WithDefault("0")
        int safetyMargin();

        /** No call starts this close to the end of a clock minute (duration). Default 500ms. */
        @WithDefault("500ms")
        Duration minuteEdgeGuard();

        /** Upper bound of the random delay after a minute boundary (duration). Default 1s. */
        @WithDefault("1s")
        Duration maxJitter();

        /**
         * BENCHMARK ONLY (boolean). Default false. {@code true} restores the behaviour before deadlines: a full minute
         * or a 429 is waited for inline whatever the invocation's deadline, no timeout is cut, writes start whatever
         * time is left. The benchmark sets it to show what a CRM saw then; never set it in a deployment.
         */
        @WithDefault("false")
        boolean inlineWaits();
    }

    interface Http {

        /** Connect timeout (duration). Default 5s. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-response timeout (duration). Default 60s. */
        @WithDefault("60s")
        Duration readTimeout();
    }

    interface Token {

        /** Chains idle this many days are refreshed by the keep-alive (days). Default 7; must stay well under 30. */
        @WithDefault("7")
        int keepAliveDays();

        /**
         * Seconds kept clear at both ends of Exact's 30-second refresh window (seconds). Default 5: refresh from
         * 25 s before expiry, stop using a token 5 s before it.
         */
        @WithDefault("5")
        int refreshSafetySeconds();

        /** How long one process may hold the refresh lease (duration). Default 60s. */
        @WithDefault("60s")
        Duration lease();

        /**
         * Time allowed for one answer of the token endpoint (duration). Default 10s. With
         * {@code exact.http.connect-timeout} it must stay within half the lease; start-up fails otherwise.
         */
        @WithDefault("10s")
        Duration callTimeout();
    }

    interface Retry {

        /** Attempts per call, the first included (count). Default 4. */
        @WithDefault("4")
        int maxAttempts();

        /** First back-off, doubled per attempt (duration). Default 500ms. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Back-off cap (duration). Default 8s. */
        @WithDefault("8s")
        Duration maxBackoff();
    }

    interface Deadline {

        /** Kept clear before the invocation's deadline: no wait or call timeout reaches into it (duration). Default 2s. */
        @WithDefault("2s")
        Duration margin();

        /**
         * A write to Exact (POST, PUT, DELETE, token refresh) is sent only with at least this much time left before
         * the margin (duration). Default 5s; with less the event waits and the replayer sends it.
         */
        @WithDefault("5s")
        Duration minWriteWindow();
    }
}
