package org.exactsync.exact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.exactsync.exact.port.BudgetKey;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.time.Sleeper;
import org.jboss.logging.Logger;

/**
 * Sends one logical request to Exact's REST API: takes a call from the shared budget, attaches a valid token, sends,
 * reads the rate-limit headers, and applies the retry policy. Everything HTTP stays behind this class and
 * {@link ExactTransport}.
 */
final class ExactCaller {

    private static final Logger LOG = Logger.getLogger(ExactCaller.class);
    /** How long Exact blocks an endpoint after too many failing calls (docs/exact-reference.md §3.5). */
    private static final Duration ERROR_BLOCK = Duration.ofHours(1);

    private final ExactSettings settings;
    private final ExactTransport transport;
    private final TokenCustodian custodian;
    private final CallBudget budget;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ObjectMapper json;
    private final DeadlineGuard deadline;

    ExactCaller(ExactSettings settings, ExactTransport transport, TokenCustodian custodian, CallBudget budget,
            RetryPolicy policy, Clock clock, Sleeper sleeper, ObjectMapper json, DeadlineGuard deadline) {
        this.settings = settings;
        this.transport = transport;
        this.custodian = custodian;
        this.budget = budget;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.json = json;
        this.deadline = deadline;
    }

    /**
     * Executes the request and returns a 2xx reply, or throws an {@link ExactException}. {@code division} null is
     * for the division-less {@code current/Me}, which is not charged to a division budget. Within the invocation's
     * deadline: a wait that would pass it, or a write without its minimum window, throws
     * {@link ExactDeadlineException} before anything is sent; each call's timeout is cut to what is left.
     */
    HttpReply execute(TokenKey connection, Integer division, String method, URI uri, String body) {
        String endpoint = method + " " + entityPath(uri);
        BudgetKey budgetKey = division == null ? null : new BudgetKey(settings.clientId(), division);
        boolean write = !"GET".equals(method);
        boolean reauthorised = false;
        for (int attempt = 1; ; attempt++) {
            // Checked before the budget too: a write that cannot be sent must not spend a slot of the minute.
            deadline.timeoutFor(settings.readTimeout(), write, endpoint);
            if (budgetKey != null) {
                budget.acquire(budgetKey);
            }
            BearerToken token = custodian.accessToken(connection);
            Duration timeout = deadline.timeoutFor(settings.readTimeout(), write, endpoint);
            HttpReply reply;
            try {
                reply = transport.send(new HttpCall(method, uri, headers(token), body, timeout));
            } catch (TransportFailure failure) {
                switch (policy.onConnectionFailure(method, failure.mayHaveReachedExact(), attempt)) {
                    case RETRY -> {
                        backOff(endpoint, policy.sleepTime(attempt));
                        continue;
                    }
                    case OUTCOME_UNKNOWN -> throw new ExactTransientException(endpoint + ": no answer from Exact; it"
                            + " may have executed the request, look the entity up before sending it again", true,
                            failure);
                    default -> throw new ExactTransientException(endpoint + ": " + failure.getMessage(),
                            failure.mayHaveReachedExact() && !"GET".equals(method), failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExactTransientException(endpoint + ": interrupted", !"GET".equals(method), e);
            }
            RateLimitHeaders limits = RateLimitHeaders.from(reply);
            if (reply.successful()) {
                if (budgetKey != null) {
                    budget.observe(budgetKey, limits);
                }
                return reply;
            }
            if (reply.status() == 401) {
                // Another process may have rotated the token, or ours ran out in flight: one retry, never a loop
                // (each 401 counts toward Exact's error block).
                if (!reauthorised && custodian.afterUnauthorized(connection, token).isPresent()) {
                    reauthorised = true;
                    attempt--;
                    continue;
                }
                throw new ExactAuthException(endpoint + ": Exact refused the access token of tenant "
                        + connection.tenant());
            }
            if (reply.status() == 429 && blockedByErrorLimit(limits)) {
                // Exact answers 429 "API rate limit exceeded" also when an endpoint is blocked for an hour after
                // more than 10 failing calls; the budget is not spent then, and retrying only extends the block.
                if (budgetKey != null) {
                    budget.observe(budgetKey, limits);
                }
                throw new ExactRateLimitedException(endpoint + ": blocked by Exact's error limit (more than 10"
                        + " failing calls in an hour) for division " + division, clock.instant().plus(ERROR_BLOCK));
            }
            RetryPolicy.Action action = policy.onStatus(method, reply.status(), attempt);
            if (action != RetryPolicy.Action.WAIT_FOR_RESET && budgetKey != null) {
                budget.observe(budgetKey, limits);
            }
            switch (action) {
                case WAIT_FOR_RESET -> {
                    Instant until = budgetKey == null ? clock.instant().plus(Duration.ofMinutes(1))
                            : budget.onTooManyRequests(budgetKey, limits);
                    deadline.beforeWait(until, endpoint + ": waiting for Exact's rate-limit reset of division "
                            + division);
                    LOG.infof("%s: Exact answered 429 for division %s; waiting until %s", endpoint, division, until);
                    pause(Duration.between(clock.instant(), until));
                }
                case RETRY -> {
                    LOG.debugf("%s: Exact answered %d, attempt %d; retrying", endpoint, reply.status(), attempt);
                    backOff(endpoint, policy.sleepTime(attempt));
                }
                case OUTCOME_UNKNOWN -> throw new ExactTransientException(endpoint + ": Exact answered "
                        + reply.status() + "; it may have executed the request, look the entity up before sending it"
                        + " again", true);
                default -> throw failure(endpoint, method, reply, limits);
            }
        }
    }

    /**
     * One GET with a token that is not in custody yet (right after a consent): no budget, no retries, no refresh.
     */
    HttpReply executeOnce(String accessToken, String method, URI uri) {
        String endpoint = method + " " + entityPath(uri);
        HttpReply reply;
        try {
            reply = transport.send(new HttpCall(method, uri, headers(new BearerToken(accessToken, Instant.MAX)),
                    null, deadline.timeoutFor(settings.readTimeout(), !"GET".equals(method), endpoint)));
        } catch (TransportFailure failure) {
            throw new ExactTransientException(endpoint + ": " + failure.getMessage(), false, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExactTransientException(endpoint + ": interrupted", false, e);
        }
        if (reply.successful()) {
            return reply;
        }
        if (reply.status() == 401) {
            throw new ExactAuthException(endpoint + ": Exact refused the freshly issued access token");
        }
        throw failure(endpoint, method, reply, RateLimitHeaders.from(reply));
    }

    /**
     * A 429 while both budgets still have calls left is the error block, not a spent minute or day. So is a 429
     * without any rate-limit header: a spent minute or day names itself in its own headers (docs/exact-reference.md
     * §3.3), and Exact may leave them out of the block's answer (§3.5); retrying then would only lengthen the block.
     */
    private static boolean blockedByErrorLimit(RateLimitHeaders limits) {
        if (limits.equals(RateLimitHeaders.none())) {
            return true;
        }
        boolean minuteLeft = limits.minutelyRemaining().isPresent() && limits.minutelyRemaining().getAsInt() > 0;
        boolean dayLeft = limits.dailyRemaining().isEmpty() || limits.dailyRemaining().getAsInt() > 0;
        return minuteLeft && dayLeft;
    }

    /** Parses a successful reply body (empty for 204). */
    JsonNode parse(HttpReply reply, String what) {
        if (reply.body().isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(reply.body());
        } catch (IOException e) {
            throw new ExactTransientException(what + ": Exact's answer is not JSON (status " + reply.status() + ")",
                    false, e);
        }
    }

    private Map<String, String> headers(BearerToken token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token.value());
        // Without it Exact answers Atom/XML.
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        // Without it a POST may come back without the created entity's fields.
        headers.put("Prefer", "return=representation");
        return headers;
    }

    private ExactException failure(String endpoint, String method, HttpReply reply, RateLimitHeaders limits) {
        Optional<String> message = errorMessage(reply);
        int status = reply.status();
        if (status == 404) {
            return new ExactNotFoundException(endpoint, message.orElse("Not found"));
        }
        if (status == 429) {
            Instant reset = limits.minutelyReset().orElseGet(() -> clock.instant().plus(Duration.ofMinutes(1)));
            return new ExactRateLimitedException(endpoint + ": Exact kept answering 429", reset);
        }
        // 503 usually means refused before processing (the maintenance page), but nothing Exact publishes says a
        // POST cannot have run: for a write the outcome is unknown (docs/exact-client.md). 502/504 are gateways that
        // may have let a write through. Only a bare 500 is ambiguous.
        if (status == 503) {
            return new ExactTransientException(endpoint + ": Exact answered 503" + message.map(m -> " (" + m + ")")
                    .orElse(""), "POST".equals(method));
        }
        if (status == 502 || status == 504 || (status >= 500 && message.isEmpty())) {
            return new ExactTransientException(endpoint + ": Exact answered " + status, !"GET".equals(method));
        }
        String text = message.orElse("HTTP " + status)
                + reply.header("Reason").map(r -> " (reason: " + r + ")").orElse("");
        return status == 403 ? new ExactForbiddenException(endpoint, text)
                : new ExactValidationException(status, endpoint, text);
    }

    private Optional<String> errorMessage(HttpReply reply) {
        try {
            JsonNode value = json.readTree(reply.body()).path("error").path("message").path("value");
            return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code crm/Accounts(guid'…')} from {@code /api/v1/123/crm/Accounts(guid'…')}: no site, division or query. */
    static String entityPath(URI uri) {
        String path = uri.getRawPath();
        String[] parts = path.split("/", 5);
        // "", "api", "v1", "{division|current}", "{service}/{Entity}…"
        return parts.length == 5 ? parts[4] : path;
    }

    /** The retry back-off, unless it would pass the invocation's deadline (then the call goes in a later one). */
    private void backOff(String endpoint, Duration duration) {
        deadline.beforeWait(clock.instant().plus(duration), endpoint + ": retry back-off");
        pause(duration);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExactTransientException("interrupted while waiting to retry an Exact call", false, e);
        }
    }
}
