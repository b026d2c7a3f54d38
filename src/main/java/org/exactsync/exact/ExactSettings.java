package org.exactsync.exact;

import java.time.Duration;
import org.exactsync.config.ExactConfig;

/**
 * Everything the client needs to know, as plain values so that tests build a client without CDI; the application
 * builds it from {@code org.exactsync.config.ExactConfig}.
 *
 * @param siteUrl        Exact country site, e.g. {@code https://start.exactonline.nl} (OAuth and REST share it)
 * @param clientId       app client id (also half of every call-budget key)
 * @param clientSecret   app client secret (never logged)
 * @param redirectUri    redirect URI registered with the app, repeated in the code exchange
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    time allowed for a whole response (cut per call to what is left of the invocation's deadline)
 * @param deadlines      how calls and waits keep inside the invocation's deadline
 */
public record ExactSettings(
        String siteUrl,
        String clientId,
        String clientSecret,
        String redirectUri,
        Duration connectTimeout,
        Duration readTimeout,
        Budget budget,
        Tokens tokens,
        Retry retry,
        Deadlines deadlines) {

    public ExactSettings {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        checkTokenCallFitsLease(connectTimeout, tokens.callTimeout(), tokens.leaseDuration());
    }

    /** With the production deadline rules. */
    public ExactSettings(String siteUrl, String clientId, String clientSecret, String redirectUri,
            Duration connectTimeout, Duration readTimeout, Budget budget, Tokens tokens, Retry retry) {
        this(siteUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout, budget, tokens, retry,
                Deadlines.defaults());
    }

    /**
     * A token refresh spends the single-use refresh token; if it could outlive its lease, a second worker could take
     * the lease over and spend the same token, which breaks the chain until a person consents again. Every token
     * call under one lease therefore ends by half the lease ({@link TokenCustodian}), and one call (connect plus
     * answer) must fit in that half. Checked at start-up, so a configuration that breaks it never runs.
     *
     * @throws IllegalArgumentException naming the settings when one token call does not fit in half the lease
     */
    public static void checkTokenCallFitsLease(Duration connectTimeout, Duration tokenCallTimeout, Duration lease) {
        if (connectTimeout.plus(tokenCallTimeout).compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("exact.http.connect-timeout (" + connectTimeout
                    + ") + exact.token.call-timeout (" + tokenCallTimeout + ") must be at most half of exact.token.lease"
                    + " (" + lease + "): a token refresh must end well inside its lease, or a second worker could"
                    + " spend the same refresh token");
        }
    }

    @Override
    public String toString() {
        // The client secret stays out of log lines and exception messages.
        return "ExactSettings[siteUrl=" + siteUrl + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", budget=" + budget
                + ", tokens=" + tokens + ", retry=" + retry + "]";
    }

    /** Production defaults for a site and app. */
    public static ExactSettings defaults(String siteUrl, String clientId, String clientSecret, String redirectUri) {
        return new ExactSettings(siteUrl, clientId, clientSecret, redirectUri, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Budget.defaults(), Tokens.defaults(), Retry.defaults(), Deadlines.defaults());
    }

    /** The settings the application configured. */
    public static ExactSettings from(ExactConfig config) {
        return new ExactSettings(config.siteUrl(), config.clientId(), config.clientSecret(), config.redirectUri(),
                config.http().connectTimeout(), config.http().readTimeout(),
                new Budget(config.budget().perMinute(), config.budget().perDay(), config.budget().safetyMargin(),
                        config.budget().minuteEdgeGuard(), config.budget().maxJitter()),
                new Tokens(Duration.ofSeconds(config.token().refreshSafetySeconds()), config.token().lease(),
                        Duration.ofMillis(250), Duration.ofDays(config.token().keepAliveDays()),
                        config.token().callTimeout()),
                new Retry(config.retry().maxAttempts(), config.retry().initialBackoff(),
                        config.retry().maxBackoff()),
                new Deadlines(config.deadline().margin(), config.deadline().minWriteWindow(),
                        config.budget().inlineWaits()));
    }

    public ExactSettings withBudget(Budget newBudget) {
        return new ExactSettings(siteUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout, newBudget,
                tokens, retry, deadlines);
    }

    public ExactSettings withTokens(Tokens newTokens) {
        return new ExactSettings(siteUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout, budget,
                newTokens, retry, deadlines);
    }

    public ExactSettings withRetry(Retry newRetry) {
        return new ExactSettings(siteUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout, budget,
                tokens, newRetry, deadlines);
    }

    public ExactSettings withDeadlines(Deadlines newDeadlines) {
        return new ExactSettings(siteUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout, budget,
                tokens, retry, newDeadlines);
    }

    /**
     * @param perMinute    configured calls per clock minute per division (Exact's default 60); the lower of this and
     *                     the last {@code X-RateLimit-Minutely-Limit} seen applies
     * @param perDay       configured calls per UTC day per division (Exact's default 5000)
     * @param safetyMargin calls per window left unused, for callers outside this client sharing the app id
     * @param edgeGuard    no call starts this close to the end of a minute: a call that arrives after the boundary
     *                     would count in the next minute at Exact while we counted it in this one
     * @param maxJitter    upper bound of the random delay added after a minute boundary, so waiting workers do not
     *                     all call at the same instant
     */
    public record Budget(int perMinute, int perDay, int safetyMargin, Duration edgeGuard, Duration maxJitter) {
        public static Budget defaults() {
            return new Budget(60, 5000, 0, Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    /**
     * @param refreshSafety  margin inside Exact's 30-second refresh window at both ends: never refresh before
     *                       expiry - 30 s + margin, never use a token after expiry - margin
     * @param leaseDuration  how long a process may hold the refresh lease before others may take it over
     * @param waitPoll       how often a process waiting for another's refresh re-reads the record
     * @param keepAliveAfter a chain idle this long is refreshed by {@code keepAlive} (refresh tokens die after ~30 days)
     * @param callTimeout    time allowed for one token endpoint answer; with the connect timeout at most half the lease
     */
    public record Tokens(Duration refreshSafety, Duration leaseDuration, Duration waitPoll, Duration keepAliveAfter,
            Duration callTimeout) {

        /** With the default token call timeout. */
        public Tokens(Duration refreshSafety, Duration leaseDuration, Duration waitPoll, Duration keepAliveAfter) {
            this(refreshSafety, leaseDuration, waitPoll, keepAliveAfter, Duration.ofSeconds(10));
        }

        public static Tokens defaults() {
            return new Tokens(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(250),
                    Duration.ofDays(7), Duration.ofSeconds(10));
        }
    }

    /**
     * @param maxAttempts    attempts per logical call, the first included
     * @param initialBackoff first back-off for 502/503/504 and connection errors, doubled per attempt
     * @param maxBackoff     back-off cap
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public static Retry defaults() {
            return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8));
        }
    }

    /**
     * How the client keeps inside the invocation's deadline ({@link org.exactsync.time.InvocationDeadline}).
     *
     * @param margin         kept clear before the deadline: no wait ends and no call's timeout reaches into it, so
     *                       the answer is written and sent before Lambda or API Gateway gives up
     * @param minWriteWindow a write (POST, PUT, DELETE, token refresh) is sent only when at least this much is left
     *                       before the margin: its answer must be able to arrive, or the outcome would be unknown
     *                       because of our own deadline
     * @param inlineWaits    BENCHMARK ONLY: {@code true} restores the behaviour before deadlines (budget and 429 waits
     *                       sleep inline, no timeout is cut, writes start whatever is left), to show it side by side
     */
    public record Deadlines(Duration margin, Duration minWriteWindow, boolean inlineWaits) {
        public static Deadlines defaults() {
            return new Deadlines(Duration.ofSeconds(2), Duration.ofSeconds(5), false);
        }
    }
}
