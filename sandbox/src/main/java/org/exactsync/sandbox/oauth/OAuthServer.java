package org.exactsync.sandbox.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.exactsync.sandbox.SandboxUser;

/**
 * Exact's OAuth 2.0 server without HTTP (docs/exact-reference.md §2): automatic consent, single-use codes, 600-second
 * access tokens, single-use rotating refresh tokens that break the whole chain when a superseded one is presented,
 * the last-30-seconds refresh rule, 200 token calls per (app, user) per UTC day, and idle refresh-token expiry.
 */
public final class OAuthServer {

    private static final DateTimeFormatter EXACT_EXPIRY_TEXT =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Random random;
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final List<SandboxUser> users;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, TokenChain> chainsByRefreshToken = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<Long, TokenChain> chains = new ConcurrentHashMap<>();
    private final Map<TokenCallKey, AtomicInteger> tokenCalls = new ConcurrentHashMap<>();
    private final AtomicLong chainIds = new AtomicLong();
    private volatile OAuthSettings settings;

    public OAuthServer(Clock clock, long seed, List<OAuthClient> clients, List<SandboxUser> users,
            OAuthSettings settings) {
        this.clock = clock;
        this.random = new Random(seed);
        clients.forEach(c -> this.clients.put(c.clientId(), c));
        this.users = List.copyOf(users);
        this.settings = settings;
    }

    public OAuthSettings settings() {
        return settings;
    }

    public void setSettings(OAuthSettings settings) {
        this.settings = settings;
    }

    /**
     * The consent step: Exact would show a login and consent page; the sandbox consents at once and returns the
     * redirect location {@code redirect_uri?code=…&state=…}.
     *
     * @param userName the sandbox's extra {@code user} parameter selecting who consents; null = the first user
     */
    public String authorize(String clientId, String redirectUri, String responseType, String state, String userName) {
        OAuthClient client = clients.get(clientId);
        if (client == null) {
            throw new OAuthError(400, "invalid_client", "Unknown client_id");
        }
        if (redirectUri == null || !redirectUri.equals(client.redirectUri())) {
            throw new OAuthError(400, "invalid_request", "The redirect_uri does not match the registered one");
        }
        if (!"code".equals(responseType)) {
            throw new OAuthError(400, "unsupported_response_type", "Only response_type=code is supported");
        }
        SandboxUser user = findUser(userName)
                .orElseThrow(() -> new OAuthError(400, "invalid_request", "Unknown user"));
        String code = token("stampN2.", 48);
        codes.put(code, new Code(clientId, user, redirectUri, clock.instant().plus(settings.codeLifetime())));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code);
        if (state != null) {
            location += "&state=" + encode(state);
        }
        return location;
    }

    /** The token endpoint: {@code grant_type} {@code authorization_code} or {@code refresh_token}. */
    public TokenResponse token(Map<String, String> form) {
        OAuthClient client = clients.get(form.get("client_id"));
        if (client == null || !client.clientSecret().equals(form.get("client_secret"))) {
            throw new OAuthError(401, "invalid_client", "Client authentication failed");
        }
        String grantType = form.getOrDefault("grant_type", "");
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(client, form.get("code"), form.get("redirect_uri"));
            case "refresh_token" -> refresh(client, form.get("refresh_token"));
            default -> throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant_type");
        };
    }

    /** Checks a bearer token; unknown or expired → 401. */
    public AccessGrant authenticate(String accessToken) {
        Access access = accessToken == null ? null : accessTokens.get(accessToken);
        if (access == null) {
            throw new OAuthError(401, "invalid_token", "Unauthorized");
        }
        if (!clock.instant().isBefore(access.expiresAt)) {
            throw new OAuthError(401, "invalid_token", "Access token expired");
        }
        synchronized (access.chain) {
            if (accessToken.equals(access.chain.accessToken)) {
                access.chain.accessUsed = true;
            }
        }
        return new AccessGrant(access.chain.clientId, access.chain.user, access.expiresAt);
    }

    /** The client id an access token was issued to, even when it has expired (errors count per client). */
    public Optional<AccessGrant> identify(String accessToken) {
        Access access = accessToken == null ? null : accessTokens.get(accessToken);
        return access == null ? Optional.empty()
                : Optional.of(new AccessGrant(access.chain.clientId, access.chain.user, access.expiresAt));
    }

    /** Token-endpoint calls made for (client, user) on a UTC day. */
    public int tokenCalls(String clientId, UUID userId, LocalDate day) {
        AtomicInteger count = tokenCalls.get(new TokenCallKey(clientId, userId, day));
        return count == null ? 0 : count.get();
    }

    /** How many chains a superseded refresh token has killed. */
    public int brokenChains() {
        return (int) chains.values().stream().filter(c -> c.broken).count();
    }

    /** Every chain, for assertions. */
    public List<TokenChainState> chains() {
        List<TokenChainState> out = new ArrayList<>();
        for (TokenChain chain : chains.values()) {
            synchronized (chain) {
                out.add(new TokenChainState(chain.id, chain.clientId, chain.user.userId(), chain.broken,
                        chain.rotations, chain.accessIssuedAt));
            }
        }
        out.sort((a, b) -> Long.compare(a.chainId(), b.chainId()));
        return out;
    }

    private TokenResponse exchangeCode(OAuthClient client, String code, String redirectUri) {
        Code grant = code == null ? null : codes.remove(code);
        if (grant == null) {
            // Reused or unknown codes are a plain 400 at Exact (docs/exact-reference.md §2.4, §8.1).
            throw new OAuthError(400, "invalid_grant", "Bad Request");
        }
        countTokenCall(client.clientId(), grant.user);
        if (!grant.clientId.equals(client.clientId()) || !clock.instant().isBefore(grant.expiresAt)) {
            throw new OAuthError(400, "invalid_grant", "Bad Request");
        }
        if (redirectUri != null && !redirectUri.equals(grant.redirectUri)) {
            throw new OAuthError(400, "invalid_grant", "Bad Request");
        }
        TokenChain chain = new TokenChain(chainIds.incrementAndGet(), client.clientId(), grant.user);
        chains.put(chain.id, chain);
        synchronized (chain) {
            return rotate(chain);
        }
    }

    private TokenResponse refresh(OAuthClient client, String refreshToken) {
        TokenChain chain = refreshToken == null ? null : chainsByRefreshToken.get(refreshToken);
        if (chain == null || !chain.clientId.equals(client.clientId())) {
            throw new OAuthError(400, "invalid_grant", "Invalid refresh token");
        }
        countTokenCall(client.clientId(), chain.user);
        Instant now = clock.instant();
        synchronized (chain) {
            if (chain.broken) {
                throw new OAuthError(settings.oldRefreshTokenStatus(), "unauthorized_client",
                        "Old refresh token used.");
            }
            if (!refreshToken.equals(chain.refreshToken)) {
                if (settings.obsoleteRefreshGrace() && refreshToken.equals(chain.previousRefreshToken)
                        && !chain.accessUsed) {
                    return new TokenResponse(chain.accessToken, chain.refreshToken, remainingSeconds(chain, now));
                }
                chain.broken = true;
                throw new OAuthError(settings.oldRefreshTokenStatus(), "unauthorized_client",
                        "Old refresh token used.");
            }
            Instant refreshExpiry = chain.refreshIssuedAt.plus(settings.refreshTokenIdleLifetime());
            if (!now.isBefore(refreshExpiry)) {
                throw new OAuthError(400, "invalid_request", "The refresh token expired at "
                        + EXACT_EXPIRY_TEXT.format(refreshExpiry) + " and it is now " + EXACT_EXPIRY_TEXT.format(now)
                        + ".");
            }
            Instant allowedFrom = chain.accessIssuedAt.plus(settings.accessTokenLifetime())
                    .minus(settings.refreshWindow());
            if (now.isBefore(allowedFrom)) {
                // The 570-second rule (§2.6): the token is not consumed, the call still counts.
                throw new OAuthError(401, "invalid_request", "Access Token not expired");
            }
            chain.rotations++;
            return rotate(chain);
        }
    }

    private TokenResponse rotate(TokenChain chain) {
        Instant now = clock.instant();
        String access = token("AAEAA", 96);
        String refresh = token("Gcp!IAAAA", 96);
        chain.previousRefreshToken = chain.refreshToken;
        chain.refreshToken = refresh;
        chain.refreshIssuedAt = now;
        chain.accessToken = access;
        chain.accessIssuedAt = now;
        chain.accessUsed = false;
        chainsByRefreshToken.put(refresh, chain);
        accessTokens.put(access, new Access(chain, now.plus(settings.accessTokenLifetime())));
        return new TokenResponse(access, refresh, (int) settings.accessTokenLifetime().toSeconds());
    }

    private int remainingSeconds(TokenChain chain, Instant now) {
        long left = chain.accessIssuedAt.plus(settings.accessTokenLifetime()).getEpochSecond() - now.getEpochSecond();
        return (int) Math.max(0, left);
    }

    private void countTokenCall(String clientId, SandboxUser user) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int calls = tokenCalls.computeIfAbsent(new TokenCallKey(clientId, user.userId(), day),
                k -> new AtomicInteger()).incrementAndGet();
        if (calls > settings.tokenCallsPerUserPerDay()) {
            throw new OAuthError(429, "invalid_request",
                    "The maximum number of token requests per day has been exceeded");
        }
    }

    private Optional<SandboxUser> findUser(String userName) {
        if (userName == null || userName.isBlank()) {
            return users.stream().findFirst();
        }
        return users.stream().filter(u -> u.userName().equals(userName)).findFirst();
    }

    private String token(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        synchronized (random) {
            random.nextBytes(raw);
        }
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Code(String clientId, SandboxUser user, String redirectUri, Instant expiresAt) {
    }

    private record Access(TokenChain chain, Instant expiresAt) {
    }

    private record TokenCallKey(String clientId, UUID userId, LocalDate day) {
    }
}
