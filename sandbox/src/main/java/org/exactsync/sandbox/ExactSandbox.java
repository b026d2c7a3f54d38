package org.exactsync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.exactsync.sandbox.faults.FaultInjector;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.sandbox.http.AdminApi;
import org.exactsync.sandbox.http.BufferedContext;
import org.exactsync.sandbox.http.MeEndpoint;
import org.exactsync.sandbox.http.SandboxRuntime;
import org.exactsync.sandbox.http.SandboxServer;
import org.exactsync.sandbox.limits.CallCounters;
import org.exactsync.sandbox.limits.ErrorBlocker;
import org.exactsync.sandbox.limits.RateLimiter;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.sandbox.oauth.OAuthClient;
import org.exactsync.sandbox.oauth.OAuthServer;
import org.exactsync.sandbox.oauth.OAuthSettings;
import org.exactsync.sandbox.oauth.TokenChainState;
import org.exactsync.sandbox.oauth.TokenResponse;
import org.exactsync.sandbox.odata.QueryEngine;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Sleeper;

/**
 * A local, deterministic stand-in for Exact Online's REST API and OAuth server, faithful to
 * {@code docs/exact-reference.md}: {@code /api/v1/{division}/…}, {@code /api/v1/current/Me}, {@code /api/oauth2/auth},
 * {@code /api/oauth2/token}, plus test hooks in Java and under {@code /sandbox/}.
 *
 * <pre>{@code
 * try (ExactSandbox exact = ExactSandbox.builder().clock(clock).build().start()) {
 *     TokenResponse tokens = exact.connect();            // consent + code exchange
 *     URI accounts = exact.apiUrl(100001, "crm/Accounts");
 *     ...
 *     assertThat(exact.calls().maxCallsInAnyMinute(100001)).isLessThanOrEqualTo(60);
 * }
 * }</pre>
 */
public final class ExactSandbox implements AutoCloseable, DivisionDirectory, AdminApi {

    /** How many published changes {@link #changes()} remembers. */
    public static final int MAX_REMEMBERED_CHANGES = 100_000;

    private final Builder config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final OAuthServer oauth;
    private final RateLimiter rateLimiter;
    private final ErrorBlocker errorBlocker;
    private final CallCounters counters = new CallCounters();
    private final FaultInjector faults;
    private final Map<Integer, DivisionData> divisions = new ConcurrentHashMap<>();
    private final Map<Integer, DivisionProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, EntitySet> entitySets = new LinkedHashMap<>();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** Bounded so a long local run or benchmark does not grow without limit; guarded by its own monitor. */
    private final java.util.ArrayDeque<ChangeEvent> changes = new java.util.ArrayDeque<>();
    private volatile SandboxServer server;
    private volatile SandboxVariants variants;

    private ExactSandbox(Builder builder) {
        this.config = builder;
        this.clock = builder.clock;
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        List<SandboxUser> users = builder.users.isEmpty() ? defaultUsers(builder.divisions) : builder.users;
        this.variants = builder.variants;
        this.oauth = new OAuthServer(clock, builder.seed,
                List.of(new OAuthClient(builder.clientId, builder.clientSecret, builder.redirectUri)), users,
                builder.oauthSettings.withOldRefreshTokenStatus(builder.variants.oldRefreshTokenStatus()));
        this.rateLimiter = new RateLimiter(clock, builder.rateLimits);
        this.errorBlocker = new ErrorBlocker(clock, builder.maxErrorsPerHour);
        this.faults = new FaultInjector(clock, builder.seed);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ExactValues.EXACT_ZONE);
        for (DivisionProfile profile : builder.divisions) {
            addDivision(profile, builder.seedMasterData, today);
        }
        SandboxSetup setup = new SandboxSetup(clock, builder.clientId, builder.webhookSecret, this, builder.seed,
                builder.webhookTls);
        List<EntitySet> sets = new ArrayList<>(SandboxEntities.all(setup));
        sets.addAll(builder.extraSets);
        for (EntitySet set : sets) {
            entitySets.put(set.spec().path(), set);
            if (set instanceof ChangeListener listener) {
                listeners.add(listener);
            }
        }
        listeners.addAll(builder.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server; returns this for chaining. */
    public synchronized ExactSandbox start() {
        if (server == null) {
            SandboxRuntime runtime = new SandboxRuntime(clock, config.sleeper, mapper, oauth, rateLimiter,
                    errorBlocker, config.errorBlockStatus, counters, faults, new QueryEngine(() -> variants.topShape()),
                    Collections.unmodifiableMap(entitySets), divisions, this, new MeEndpoint(clock, this), this::deliver,
                    this::baseUrl, this::variants);
            server = SandboxServer.start(config.port, config.threads, runtime, this);
        }
        return this;
    }

    /** {@code http://127.0.0.1:port}: what a client uses as Exact's base URL. */
    public String baseUrl() {
        SandboxServer running = server;
        if (running == null) {
            throw new IllegalStateException("sandbox not started");
        }
        return "http://127.0.0.1:" + running.port();
    }

    /** {@code {base}/api/v1/{division}/{path}}. */
    public URI apiUrl(int division, String path) {
        return URI.create(baseUrl() + "/api/v1/" + division + "/" + path);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    // ---- configuration the client side needs ----

    public String clientId() {
        return config.clientId;
    }

    public String clientSecret() {
        return config.clientSecret;
    }

    public String redirectUri() {
        return config.redirectUri;
    }

    public String webhookSecret() {
        return config.webhookSecret;
    }

    public Clock clock() {
        return clock;
    }

    // ---- test hooks ----

    /** Consents as the first user and exchanges the code, without HTTP (counts as one token call). */
    public TokenResponse connect() {
        return connect(null);
    }

    /** Consents as {@code userName} and exchanges the code (counts as one token call for that user). */
    public TokenResponse connect(String userName) {
        String location = oauth.authorize(config.clientId, config.redirectUri, "code", "sandbox", userName);
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", config.clientId);
        form.put("client_secret", config.clientSecret);
        form.put("code", java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8));
        form.put("redirect_uri", config.redirectUri);
        return oauth.token(form);
    }

    public OAuthServer oauth() {
        return oauth;
    }

    /** The readings in force of the points the reference leaves open. */
    @Override
    public SandboxVariants variants() {
        return variants;
    }

    /** Switches the open points' readings on the running sandbox (the old-refresh-token status included). */
    @Override
    public void useVariants(SandboxVariants next) {
        synchronized (oauth) {
            oauth.setSettings(oauth.settings().withOldRefreshTokenStatus(next.oldRefreshTokenStatus()));
            this.variants = next;
        }
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public ErrorBlocker errorBlocker() {
        return errorBlocker;
    }

    /** The server's own call counters (per division, endpoint and clock minute; 429s). */
    public CallCounters calls() {
        return counters;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** A division's data (tables, rowversion, lock). */
    public DivisionData division(int code) {
        DivisionData data = divisions.get(code);
        if (data == null) {
            throw new IllegalArgumentException("no division " + code);
        }
        return data;
    }

    /** The registered endpoint for a path, e.g. {@code crm/Accounts}. */
    public Optional<EntitySet> entitySet(String path) {
        return Optional.ofNullable(entitySets.get(path));
    }

    /**
     * Runs {@code work} on a division under its lock with a context whose published changes are delivered
     * afterwards: how Java-side hooks (register a payment, close a period) change data the way an API call would.
     */
    public <T> T inDivision(int code, BiFunction<DivisionData, SandboxContext, T> work) {
        DivisionData data = division(code);
        BufferedContext context = new BufferedContext(clock, "sandbox");
        T result;
        synchronized (data.lock()) {
            result = work.apply(data, context);
        }
        deliver(context.events());
        return result;
    }

    /** The changes published so far, in order (the most recent {@value #MAX_REMEMBERED_CHANGES}). */
    public List<ChangeEvent> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    public void addChangeListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /** Adds (and, when asked, seeds) a division at run time. */
    public void addDivision(DivisionProfile profile, boolean seedMasterData, LocalDate today) {
        DivisionData data = new DivisionData(profile.code());
        if (seedMasterData) {
            MasterDataSeed.seed(data, today);
        }
        profiles.put(profile.code(), profile);
        divisions.put(profile.code(), data);
    }

    /** Replaces a division's profile (e.g. to set {@code DivisionMoveDate}). */
    public void updateProfile(DivisionProfile profile) {
        profiles.put(profile.code(), profile);
    }

    @Override
    public List<DivisionProfile> profiles() {
        return new ArrayList<>(new TreeMap<>(profiles).values());
    }

    @Override
    public Optional<DivisionProfile> profile(int code) {
        return Optional.ofNullable(profiles.get(code));
    }

    @Override
    public List<Map<String, Object>> rows(int division, String path) {
        DivisionData data = division(division);
        EntitySet set = entitySets.get(path);
        synchronized (data.lock()) {
            List<Map<String, Object>> source;
            if (set != null) {
                source = set.list(data, new BufferedContext(clock, path));
            } else {
                Table table = data.tableIfPresent(path);
                source = table == null ? List.of() : table.snapshotSortedByKey();
            }
            List<Map<String, Object>> copies = new ArrayList<>();
            source.forEach(r -> copies.add(new LinkedHashMap<>(r)));
            return copies;
        }
    }

    @Override
    public Map<Instant, Integer> callsPerMinute(int division) {
        return counters.callsPerMinute(division);
    }

    @Override
    public int tooManyRequests(Integer division) {
        return counters.tooManyRequests(division);
    }

    @Override
    public Map<String, Object> tokenState() {
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> chains = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (TokenChainState chain : oauth.chains()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("chainId", chain.chainId());
            c.put("userId", chain.userId());
            c.put("broken", chain.broken());
            c.put("rotations", chain.rotations());
            c.put("tokenCallsToday", oauth.tokenCalls(chain.clientId(), chain.userId(), today));
            chains.add(c);
        }
        state.put("chains", chains);
        state.put("brokenChains", oauth.brokenChains());
        return state;
    }

    @Override
    public void inject(FaultRule rule) {
        faults.inject(rule);
    }

    @Override
    public void maintenance(Instant from, Instant until) {
        faults.maintenance(from, until);
    }

    /** Disarms faults, lifts error blocks and clears rate-limit windows (call counters are kept). */
    @Override
    public void resetFaults() {
        faults.reset();
        errorBlocker.reset();
        rateLimiter.reset();
    }

    @Override
    public boolean advanceClock(Duration duration) {
        if (clock instanceof AdjustableClock adjustable) {
            adjustable.advance(duration);
            return true;
        }
        return false;
    }

    private void deliver(List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            synchronized (changes) {
                changes.addLast(event);
                if (changes.size() > MAX_REMEMBERED_CHANGES) {
                    changes.removeFirst();
                }
            }
            for (ChangeListener listener : listeners) {
                listener.onChange(event);
            }
        }
    }

    /**
     * Two users granted every division: the first (the default consenting user) last opened the first division, the
     * second ({@value #SECOND_USER}) the last one, so a consent by "another user working in another company" can be
     * played (the connector must not book into a company nobody confirmed).
     */
    private static List<SandboxUser> defaultUsers(List<DivisionProfile> divisions) {
        Set<Integer> codes = new java.util.TreeSet<>();
        divisions.forEach(d -> codes.add(d.code()));
        int first = divisions.isEmpty() ? 0 : divisions.get(0).code();
        int last = divisions.isEmpty() ? 0 : divisions.get(divisions.size() - 1).code();
        return List.of(
                new SandboxUser(userId("sandbox-user-1"), "koppeling@voorbeeld.test", "Koppeling Gebruiker",
                        "koppeling@voorbeeld.test", first, codes),
                new SandboxUser(userId("sandbox-user-2"), SECOND_USER, "Tweede Boekhouder", SECOND_USER, last,
                        codes));
    }

    private static UUID userId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** User name of the default second user (the {@code user} parameter of {@code /api/oauth2/auth}). */
    public static final String SECOND_USER = "boekhouder@voorbeeld.test";

    /** Settings of a sandbox; every one has a sensible default. */
    public static final class Builder {
        private int port;
        private int threads = 16;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String clientId = "3f1c2b9e-5d7a-4c1e-9b8f-0a6d2e4c8b10";
        private String clientSecret = "sandbox-secret";
        private String redirectUri = "https://connector.example.test/oauth/callback";
        private String webhookSecret = "sandbox-webhook-secret";
        private javax.net.ssl.SSLContext webhookTls;
        private long seed = 42L;
        private List<DivisionProfile> divisions = MasterDataSeed.defaultDivisions();
        private boolean seedMasterData = true;
        private List<SandboxUser> users = List.of();
        private RateLimits rateLimits = RateLimits.exactDefaults();
        private int maxErrorsPerHour = 10;
        private int errorBlockStatus = 429;
        private OAuthSettings oauthSettings = OAuthSettings.exactDefaults();
        private SandboxVariants variants = SandboxVariants.strict();
        private final List<EntitySet> extraSets = new ArrayList<>();
        private final List<ChangeListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** TCP port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Worker threads of the HTTP server (default 16). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The sandbox clock; tests pass an {@link AdjustableClock}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How injected latency waits (default real time). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder client(String clientId, String clientSecret, String redirectUri) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.redirectUri = redirectUri;
            return this;
        }

        public Builder webhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
            return this;
        }

        /**
         * Whom the https webhook calls trust (default: the JDK's public CAs). Callbacks must be https as in Exact;
         * a test receiver uses {@code finance.LocalReceiverTls} and passes its {@code clientContext()} here.
         */
        public Builder webhookTls(javax.net.ssl.SSLContext tls) {
            this.webhookTls = tls;
            return this;
        }

        /** Seed of every random choice (tokens, probabilistic faults). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The divisions to serve (default {@link MasterDataSeed#defaultDivisions()}). */
        public Builder divisions(List<DivisionProfile> divisions) {
            this.divisions = List.copyOf(divisions);
            return this;
        }

        /** Whether each division gets {@link MasterDataSeed#seed} (default true). */
        public Builder seedMasterData(boolean seed) {
            this.seedMasterData = seed;
            return this;
        }

        /** The users who can consent (default: one user granted every division). */
        public Builder users(List<SandboxUser> users) {
            this.users = List.copyOf(users);
            return this;
        }

        /** Call budgets per (client, division), default 60/min and 5,000/day. */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = limits;
            return this;
        }

        /** Failed calls per endpoint per hour tolerated before the block (default 10). */
        public Builder maxErrorsPerHour(int max) {
            this.maxErrorsPerHour = max;
            return this;
        }

        /** Status answered while an endpoint is blocked by the error limit: 429 (default) or 400. */
        public Builder errorBlockStatus(int status) {
            this.errorBlockStatus = status;
            return this;
        }

        public Builder oauthSettings(OAuthSettings settings) {
            this.oauthSettings = settings;
            return this;
        }

        /**
         * The readings of the points docs/exact-reference.md leaves open ({@code $top} shape, mandatory filter on
         * contacts, rate headers on the error block, "Old refresh token used." status); default
         * {@link SandboxVariants#strict()}. Its old-refresh-token status replaces the one in {@link #oauthSettings}.
         */
        public Builder variants(SandboxVariants variants) {
            this.variants = java.util.Objects.requireNonNull(variants);
            return this;
        }

        /** Registers extra endpoints (tests, experiments) next to {@link SandboxEntities#all}. */
        public Builder entitySet(EntitySet set) {
            this.extraSets.add(set);
            return this;
        }

        public Builder changeListener(ChangeListener listener) {
            this.listeners.add(listener);
            return this;
        }

        public ExactSandbox build() {
            return new ExactSandbox(this);
        }
    }
}
