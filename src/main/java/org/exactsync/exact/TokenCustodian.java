package org.exactsync.exact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.exact.port.TokenStore;
import org.exactsync.time.Sleeper;
import org.jboss.logging.Logger;

/**
 * Keeps one Exact token chain alive for any number of concurrent processes. Exact's rules (docs/exact-reference.md §2.4-2.7)
 * shape everything here: refresh tokens are single use, so exactly one process may refresh (a lease taken with a
 * conditional write on the record's version) and the new pair is stored before anyone uses it; a new access token
 * may only be requested in the last 30 seconds of the current one's 600-second life, and a token past its life must
 * not be sent (each 401 counts toward the error block).
 */
public final class TokenCustodian {

    /** Exact refuses a refresh until the access token is this close to its expiry (the 570-second rule). */
    static final Duration EXACT_REFRESH_WINDOW = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(TokenCustodian.class);
    private static final int REFRESH_ATTEMPTS_UNDER_LEASE = 3;

    enum Decision { USE, REFRESH, WAIT, CONSENT }

    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final ExactSettings.Tokens settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DeadlineGuard deadline;
    private final String processId = UUID.randomUUID().toString();
    private final AtomicLong leaseSequence = new AtomicLong();
    // The record last read or written per chain. Until the refresh window opens nobody may change the tokens, so
    // calls in that time need no store read; from the window on every decision reads the store.
    private final Map<TokenKey, TokenRecord> recent = new ConcurrentHashMap<>();

    TokenCustodian(TokenStore store, TokenEndpoint endpoint, ExactSettings.Tokens settings, Clock clock,
            Sleeper sleeper) {
        this(store, endpoint, settings, clock, sleeper, DeadlineGuard.none(clock));
    }

    TokenCustodian(TokenStore store, TokenEndpoint endpoint, ExactSettings.Tokens settings, Clock clock,
            Sleeper sleeper, DeadlineGuard deadline) {
        this.store = store;
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadline = deadline;
    }

    /**
     * What a process should do with the stored record now. Expiry is our receive time + {@code expires_in}, which is
     * never earlier than Exact's own, so "window opens" computed from it is never early by Exact's clock; the safety
     * margin keeps us clear of both ends of the window.
     */
    static Decision decide(TokenRecord record, Instant now, ExactSettings.Tokens settings) {
        if (record.status() == ConnectionStatus.NEEDS_CONSENT) {
            return Decision.CONSENT;
        }
        if (now.isBefore(windowOpens(record, settings))) {
            return Decision.USE;
        }
        if (record.leasedAt(now)) {
            // Someone else is refreshing: the old token serves until it runs out, then we wait for theirs.
            return now.isBefore(usableUntil(record, settings)) ? Decision.USE : Decision.WAIT;
        }
        return Decision.REFRESH;
    }

    /** A valid access token for the chain, refreshing it (single-flight) when it is due. */
    BearerToken accessToken(TokenKey key) {
        TokenRecord known = recent.get(key);
        if (known != null && clock.instant().isBefore(windowOpens(known, settings))
                && known.status() == ConnectionStatus.ACTIVE) {
            return bearer(known);
        }
        return currentToken(key, null);
    }

    /**
     * The decision loop. {@code rejected} is an access token Exact has just refused: it is treated as run out even
     * if our estimate of its expiry says otherwise.
     */
    private BearerToken currentToken(TokenKey key, String rejected) {
        Instant waitingSince = null;
        while (true) {
            TokenRecord record = find(key);
            Instant now = clock.instant();
            Decision decision = decide(record, now, settings);
            if (decision == Decision.USE && record.accessToken().equals(rejected)) {
                decision = record.leasedAt(now) ? Decision.WAIT : Decision.REFRESH;
            }
            switch (decision) {
                case CONSENT -> throw new ExactConsentRequiredException(key.tenant(), reasonOf(record));
                case USE -> {
                    return bearer(record);
                }
                case WAIT -> {
                    waitingSince = waitingSince == null ? now : waitingSince;
                    if (Duration.between(waitingSince, now).compareTo(settings.leaseDuration().multipliedBy(2)) > 0) {
                        throw new ExactTransientException("gave up waiting for another process to refresh the Exact"
                                + " token of tenant " + key.tenant(), false);
                    }
                    deadline.beforeWait(now.plus(settings.waitPoll()), "waiting for another process to refresh the"
                            + " Exact token of tenant " + key.tenant());
                    pause(settings.waitPoll());
                }
                case REFRESH -> {
                    Optional<TokenRecord> refreshed;
                    try {
                        refreshed = refresh(record, now);
                    } catch (ExactTransientException | ExactDeadlineException failed) {
                        // The refresh can be tried again on a later call (or invocation); this one still has a valid
                        // token.
                        if (rejected == null && clock.instant().isBefore(usableUntil(record, settings))) {
                            return bearer(record);
                        }
                        throw failed;
                    }
                    if (refreshed.isPresent()) {
                        return bearer(refreshed.get());
                    }
                    // Lost the lease race: loop and read what the winner stored.
                }
            }
        }
    }

    /**
     * After Exact answered 401 to {@code used}: if another process has stored a newer token, or ours ran out by
     * Exact's clock inside the refresh window, the next token is returned for one retry; otherwise empty (the caller
     * reports an auth error rather than burning the error budget).
     */
    Optional<BearerToken> afterUnauthorized(TokenKey key, BearerToken used) {
        TokenRecord record = find(key);
        if (record.status() == ConnectionStatus.NEEDS_CONSENT) {
            throw new ExactConsentRequiredException(key.tenant(), reasonOf(record));
        }
        if (!used.value().equals(record.accessToken())) {
            return Optional.of(accessToken(key));
        }
        if (clock.instant().isBefore(windowOpens(record, settings))) {
            // Refused long before its end: not an expiry question, and refreshing now would be too early.
            return Optional.empty();
        }
        // Inside the refresh window Exact's clock has ended the token before our estimate did (the token response
        // was slow to reach us): refreshing is allowed now, so get the next token, or wait for whoever is getting it.
        return Optional.of(currentToken(key, used.value()));
    }

    /**
     * Refreshes a chain that has been idle longer than the keep-alive period, so its refresh token (which dies after
     * about 30 unused days) is renewed. Returns true when this call refreshed it.
     */
    public boolean keepAlive(TokenKey key) {
        Optional<TokenRecord> found = store.find(key);
        if (found.isEmpty() || found.get().status() == ConnectionStatus.NEEDS_CONSENT) {
            return false;
        }
        TokenRecord record = found.get();
        Instant now = clock.instant();
        if (Duration.between(record.refreshedAt(), now).compareTo(settings.keepAliveAfter()) < 0) {
            return false;
        }
        if (decide(record, now, settings) != Decision.REFRESH) {
            return false;
        }
        return refresh(record, now).isPresent();
    }

    /** Redeems an authorization code (single use, ~3 minutes) for the first token pair. */
    TokenGrant redeemCode(String tenant, String code) {
        try {
            return endpoint.exchangeCode(code);
        } catch (TokenEndpointException e) {
            if (e.kind() == TokenEndpointException.Kind.CLIENT_REJECTED) {
                throw new ExactAuthException("Exact rejected the app's client id or secret (" + e.getMessage() + ")");
            }
            if (e.kind() == TokenEndpointException.Kind.TRANSIENT) {
                throw new ExactTransientException("Exact token endpoint failed during consent of tenant " + tenant,
                        e.outcomeUnknown(), e);
            }
            throw new ExactConsentRequiredException(tenant, "authorization code refused (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExactTransientException("interrupted during consent", true, e);
        }
    }

    /** Stores a first token pair, replacing any broken chain of the key. */
    TokenRecord storeConsent(TokenKey key, TokenGrant grant, Instant receivedAt) {
        TokenRecord record = store.saveConsented(key, grant.accessToken(), receivedAt.plus(grant.expiresIn()),
                grant.refreshToken(), receivedAt);
        recent.put(key, record);
        return record;
    }

    /** Exchanges an authorization code and stores the pair under a known key. */
    public TokenRecord exchangeCode(TokenKey key, String code) {
        TokenGrant grant = redeemCode(key.tenant(), code);
        return storeConsent(key, grant, clock.instant());
    }

    /**
     * Takes the lease and spends the refresh token. Every token call under the lease ends by half the lease (a call
     * starts only when its whole timeout fits, and the start-up check makes one call fit in that half), so a lease can never run out while its holder is still
     * inside a call and a second worker can never spend the same refresh token. Nor does a call outlive the
     * invocation: without the minimum write window left, the lease is not even taken.
     */
    private Optional<TokenRecord> refresh(TokenRecord record, Instant now) {
        TokenKey key = record.key();
        String what = "Exact token refresh of tenant " + key.tenant();
        requireTimeForACall(what);
        String owner = processId + ":" + leaseSequence.incrementAndGet();
        Optional<TokenRecord> lease = store.tryLease(key, record.version(), owner, now.plus(settings.leaseDuration()),
                now);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        TokenRecord leased = lease.get();
        Instant callsEnd = leased.leaseUntil().minus(settings.leaseDuration().dividedBy(2));
        TokenGrant grant = null;
        for (int attempt = 1; grant == null; attempt++) {
            // A call is started only when its whole timeout fits before callsEnd, and never cut short: an answer
            // lost to our own timeout may have spent the refresh token.
            if (clock.instant().plus(settings.callTimeout()).isAfter(callsEnd)) {
                store.releaseLease(key, leased.version(), owner);
                throw new ExactTransientException(what + ": no time left for a token call under the lease", false);
            }
            try {
                requireTimeForACall(what);
            } catch (ExactDeadlineException late) {
                store.releaseLease(key, leased.version(), owner);
                throw late;
            }
            try {
                grant = endpoint.refresh(leased.refreshToken(), settings.callTimeout());
            } catch (TokenEndpointException e) {
                switch (e.kind()) {
                    case CHAIN_BROKEN -> {
                        recent.remove(key);
                        store.markNeedsConsent(key, leased.version(), e.getMessage());
                        LOG.warnf("Exact token chain of tenant %s is broken and needs a new consent: %s", key.tenant(),
                                e.getMessage());
                        throw new ExactConsentRequiredException(key.tenant(), e.getMessage());
                    }
                    case CLIENT_REJECTED -> {
                        store.releaseLease(key, leased.version(), owner);
                        LOG.errorf("Exact rejected the app credentials while refreshing tenant %s", key.tenant());
                        throw new ExactAuthException("Exact rejected the app's client id or secret (" + e.getMessage()
                                + ")");
                    }
                    case TOO_EARLY -> {
                        store.releaseLease(key, leased.version(), owner);
                        throw new ExactTransientException("Exact refused the token refresh of tenant " + key.tenant()
                                + " as too early", false, e);
                    }
                    case TRANSIENT -> {
                        // Retrying is safe only while the lease is ours: nobody else can be using the same refresh
                        // token, and Exact keeps a just-used one valid for a while.
                        Duration backOff = settings.waitPoll().multipliedBy(attempt);
                        if (attempt >= REFRESH_ATTEMPTS_UNDER_LEASE
                                || !clock.instant().plus(backOff).isBefore(callsEnd)
                                || !deadline.leaves(backOff.plus(settings.callTimeout()))) {
                            store.releaseLease(key, leased.version(), owner);
                            LOG.warnf("Exact token refresh of tenant %s failed, lease released: %s", key.tenant(),
                                    e.getMessage());
                            throw new ExactTransientException("Exact token endpoint failed for tenant " + key.tenant()
                                    + ": " + e.getMessage(), e.outcomeUnknown(), e);
                        }
                        pause(backOff);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExactTransientException("interrupted while refreshing the Exact token", true, e);
            }
        }
        Instant receivedAt = clock.instant();
        Optional<TokenRecord> saved;
        try {
            saved = store.saveRefreshed(key, leased.version(), owner, grant.accessToken(),
                    receivedAt.plus(grant.expiresIn()), grant.refreshToken(), receivedAt);
        } catch (RuntimeException e) {
            // The new pair exists only in memory; using it would leave the stored chain behind with a dead refresh
            // token, so it is dropped.
            throw new ExactTransientException("could not store refreshed Exact tokens of tenant " + key.tenant(),
                    false, e);
        }
        if (saved.isEmpty()) {
            throw new ExactTransientException("lost the refresh lease of tenant " + key.tenant()
                    + " before storing new tokens", false);
        }
        recent.put(key, saved.get());
        LOG.debugf("Exact tokens of tenant %s refreshed (version %d)", key.tenant(), saved.get().version());
        return saved;
    }

    /** A token call is never cut short by the invocation's deadline either: it needs its whole timeout left. */
    private void requireTimeForACall(String what) {
        if (!deadline.leaves(settings.callTimeout())) {
            throw new ExactDeadlineException(what + " not started: a token call needs "
                    + settings.callTimeout().toMillis() + " ms before the invocation's deadline", clock.instant());
        }
    }

    private TokenRecord find(TokenKey key) {
        Optional<TokenRecord> found = store.find(key);
        if (found.isEmpty() || found.get().status() != ConnectionStatus.ACTIVE) {
            recent.remove(key);
        } else {
            recent.put(key, found.get());
        }
        return found.orElseThrow(
                () -> new ExactConsentRequiredException(key.tenant(), "no Exact connection stored"));
    }

    private BearerToken bearer(TokenRecord record) {
        return new BearerToken(record.accessToken(), usableUntil(record, settings));
    }

    private static Instant windowOpens(TokenRecord record, ExactSettings.Tokens settings) {
        return record.accessExpiresAt().minus(EXACT_REFRESH_WINDOW).plus(settings.refreshSafety());
    }

    private static Instant usableUntil(TokenRecord record, ExactSettings.Tokens settings) {
        return record.accessExpiresAt().minus(settings.refreshSafety());
    }

    private static String reasonOf(TokenRecord record) {
        return record.statusReason() == null ? "connection marked as needing consent" : record.statusReason();
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExactTransientException("interrupted while waiting for an Exact token", false, e);
        }
    }
}
