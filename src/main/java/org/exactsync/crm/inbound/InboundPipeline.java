package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.callback.SyncFailed;
import org.exactsync.store.ClaimResult;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.LanePlacement;
import org.exactsync.store.NewEvent;
import org.exactsync.metrics.MetricNames;
import org.exactsync.metrics.MetricPoint;
import org.exactsync.metrics.MetricUnit;
import org.exactsync.metrics.Metrics;
import org.exactsync.logging.SafeStackTrace;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The shared inbound pipeline: signature (401) → envelope and handler validation (400) → idempotency claim on
 * {@code eventId} (same body: the stored answer again; other body: 409) → durable acceptance → handler → answer.
 *
 * <p>Answers: {@link Outcome.Done} 200 {@code {"status":"synced","results":…}}; {@link Outcome.Waiting} and a
 * retryable {@link Outcome.Failed} 202 {@code {"status":"accepted","state":…}} (the connector finishes them itself);
 * a {@link Outcome.ConfigurationGap} 202 like a wait, plus one {@code sync.failed} callback ({@code retryable: true});
 * a final {@link Outcome.Failed} 200 {@code {"status":"failed","reason":…,"retryable":false}} plus a
 * {@code sync.failed} callback. A final failure is a 2xx on purpose: the event was received and stored, and a
 * 4xx/5xx would only make the CRM's webhook retry deliver the same body again for the same answer.
 */
@ApplicationScoped
public class InboundPipeline {

    private static final Logger LOG = Logger.getLogger(InboundPipeline.class);

    /** The body is stored in the event item, and a DynamoDB item holds at most 400 KB with its other attributes. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /**
     * Retry of an event waiting on a configuration gap. Long, because a gap does not close by itself (replacing the
     * division's ledger mapping makes its events due at once); not infinite, so a fix made some other way (a
     * configured default account) is still picked up the same day.
     */
    public static final Duration CONFIGURATION_GAP_RETRY = Duration.ofHours(6);

    private final TenantSettings tenants;
    private final ConnectionStore connections;
    private final EventStore events;
    private final Callbacks callbacks;
    private final ObjectMapper json;
    private final Clock clock;
    private final InboundLimits limits;
    private final Metrics metrics;
    private final AttemptObserver observer;

    @Inject
    public InboundPipeline(TenantSettings tenants, ConnectionStore connections, EventStore events,
            Callbacks callbacks, ObjectMapper json, Clock clock, CrmConfig config, Metrics metrics,
            Instance<AttemptObserver> observers) {
        this(tenants, connections, events, callbacks, json, clock, InboundLimits.from(config.inbound()), metrics,
                all(observers.stream().toList()));
    }

    /** For tests and tools: explicit limits. */
    public InboundPipeline(TenantSettings tenants, ConnectionStore connections, EventStore events,
            Callbacks callbacks, ObjectMapper json, Clock clock, InboundLimits limits) {
        this(tenants, connections, events, callbacks, json, clock, limits, Metrics.none());
    }

    /** For tests and tools: explicit limits and a metrics recorder. */
    public InboundPipeline(TenantSettings tenants, ConnectionStore connections, EventStore events,
            Callbacks callbacks, ObjectMapper json, Clock clock, InboundLimits limits, Metrics metrics) {
        this(tenants, connections, events, callbacks, json, clock, limits, metrics, AttemptObserver.NONE);
    }

    /** For tests and tools: explicit limits, metrics and an observer of stored outcomes. */
    public InboundPipeline(TenantSettings tenants, ConnectionStore connections, EventStore events,
            Callbacks callbacks, ObjectMapper json, Clock clock, InboundLimits limits, Metrics metrics,
            AttemptObserver observer) {
        this.observer = observer;
        this.metrics = metrics;
        this.tenants = tenants;
        this.connections = connections;
        this.events = events;
        this.callbacks = callbacks;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
    }

    /** Handles one webhook delivery for {@code handler}'s event type and returns the contract's answer. */
    public HttpResponseEvent handle(HttpRequestEvent request, EventHandler<?> handler) {
        return handleTyped(request, handler);
    }

    /**
     * Runs a stored, not yet finished event again (a waiting or retryable failed event, or one whose worker died).
     * Returns empty when another worker holds it or it is already done.
     */
    public Optional<Outcome> resume(EventRecord stored, EventHandler<?> handler) {
        return resumeTyped(stored, handler);
    }

    private <D> HttpResponseEvent handleTyped(HttpRequestEvent request, EventHandler<D> handler) {
        byte[] raw = request.rawBody();
        if (raw.length > MAX_BODY_BYTES) {
            // Before the parse and the tenant look-up: an unsigned caller must not make us parse megabytes (Lambda
            // lets 6 MB through). Refusing it unauthenticated tells nothing that the size limit in docs does not.
            return validation(List.of(new Problem("body", "is larger than " + MAX_BODY_BYTES / 1024 + " KB")));
        }
        Optional<JsonNode> root = parse(raw);

        // The tenant picks the secret, so it is read before the signature is checked; nothing else is trusted yet.
        String claimedTenant = EnvelopeReader.claimedTenant(root);
        Optional<Tenant> tenant = tenants.tenant(claimedTenant);
        if (tenant.isEmpty()) {
            LOG.debugf("inbound %s refused: unknown tenant", handler.type());
            return error(401, "unauthorized", "Crm-Signature does not match");
        }
        CrmSignature.Verdict verdict = CrmSignature.verify(request.header(CrmSignature.HEADER),
                tenant.get().inboundSecret(), raw, clock.instant(), limits.signatureTolerance());
        if (verdict != CrmSignature.Verdict.VALID) {
            LOG.debugf("inbound %s for tenant %s refused: signature %s", handler.type(), claimedTenant, verdict);
            return error(401, "unauthorized", unauthorizedMessage(verdict));
        }

        if (root.isEmpty()) {
            return validation(List.of(new Problem("body", "is not valid JSON")));
        }
        Optional<ConnectionRecord> connection = connections.find(claimedTenant);
        Set<Integer> allowed = connection.map(c -> Set.copyOf(c.divisions())).orElse(Set.of());
        List<Problem> problems = new ArrayList<>(EnvelopeReader.problems(root.get(), handler.type(), allowed));
        if (connection.isEmpty()) {
            problems.add(new Problem("tenant", "is not connected to Exact Online yet"));
        }
        JsonNode data = root.get().get("data");
        if (data != null && data.isObject()) {
            problems.addAll(handler.validate(data));
        }
        if (!problems.isEmpty()) {
            return validation(problems);
        }
        Envelope envelope = EnvelopeReader.read(root.get());
        List<Integer> divisions = targetDivisions(envelope, tenant.get(), connection.get());
        if (divisions.isEmpty()) {
            return validation(List.of(new Problem("divisions",
                    "is required: the tenant has no default divisions configured")));
        }
        D bound;
        try {
            bound = json.treeToValue(envelope.data(), handler.dataType());
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return validation(List.of(bindingProblem(unreadable)));
        }

        LanePlacement lane = placement(envelope, divisions, handler, bound);
        ClaimResult claim = events.claim(new NewEvent(envelope.tenant(), envelope.eventId(), envelope.type(),
                sha256(raw), new String(raw, StandardCharsets.UTF_8),
                clock.instant().plus(limits.eventRetention()), lane.divisions(), lane.entity(), lane.after()));
        switch (claim.outcome()) {
            case CONFLICT_DIFFERENT_BODY:
                return error(409, "conflict", "eventId " + envelope.eventId()
                        + " was already received with a different body");
            case DUPLICATE_SAME_BODY:
                return storedAnswer(claim.record());
            case NEW:
            default:
                break;
        }
        AcceptedEvent<D> accepted = new AcceptedEvent<>(envelope.eventId(), envelope.type(), envelope.tenant(),
                divisions, envelope.occurredAt(), bound, connection.get());
        return attempt(claim.record(), accepted, handler, envelope.data())
                .map(this::answer)
                // Another worker took it between the claim and the lease (a replay racing the first delivery).
                .orElseGet(() -> storedAnswer(events.find(envelope.tenant(), envelope.eventId())
                        .orElse(claim.record())));
    }

    private <D> Optional<Outcome> resumeTyped(EventRecord stored, EventHandler<D> handler) {
        if (stored.status() == EventStatus.DONE) {
            return Optional.empty();
        }
        StoredEvent<D> read = reread(stored, handler);
        if (read.unreadable() != null) {
            return poisoned(stored, read.data(), read.unreadable());
        }
        Envelope envelope = read.envelope();
        AcceptedEvent<D> accepted = new AcceptedEvent<>(envelope.eventId(), envelope.type(), envelope.tenant(),
                read.divisions(), envelope.occurredAt(), read.bound(), read.connection());
        return attempt(stored, accepted, handler, envelope.data()).map(Finished::outcome);
    }

    /**
     * Where a stored event belongs in the replay's drain, computed as the claim computes it for a new delivery (an
     * event claimed before lanes existed is placed with it). An event whose data no longer binds is placed without
     * prerequisites: its replay ends it failed at once. Empty when its envelope cannot be read any more or it targets
     * no division.
     */
    public <D> Optional<LanePlacement> placement(EventRecord stored, EventHandler<D> handler) {
        StoredEvent<D> read = reread(stored, handler);
        if (read.envelope() == null || read.divisions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(placement(read.envelope(), read.divisions(), handler, read.bound()));
    }

    private static <D> LanePlacement placement(Envelope envelope, List<Integer> divisions, EventHandler<D> handler,
            D bound) {
        return new LanePlacement(divisions, entityKey(envelope.type(), envelope.data(), envelope.eventId()),
                bound == null ? List.of() : handler.prerequisites(bound));
    }

    /**
     * A stored event read back as its delivery was read, with the tenant's configuration of now; or, with
     * {@code unreadable} set, why this version cannot read it (then only what could be read is set: the envelope and
     * divisions when just the data no longer binds, {@code data} when the body was JSON).
     */
    private record StoredEvent<D>(Envelope envelope, List<Integer> divisions, D bound, ConnectionRecord connection,
            JsonNode data, String unreadable) {

        static <D> StoredEvent<D> unreadable(JsonNode data, String reason) {
            return new StoredEvent<>(null, List.of(), null, null, data, reason);
        }
    }

    private <D> StoredEvent<D> reread(EventRecord stored, EventHandler<D> handler) {
        Optional<JsonNode> root = parse(stored.body().getBytes(StandardCharsets.UTF_8));
        if (root.isEmpty()) {
            return StoredEvent.unreadable(null, "the stored body is not JSON");
        }
        Envelope envelope;
        try {
            envelope = EnvelopeReader.read(root.get());
        } catch (RuntimeException unreadable) {
            return StoredEvent.unreadable(root.get().get("data"), "the stored envelope cannot be read by this version");
        }
        Optional<Tenant> tenant = tenants.tenant(stored.tenant());
        Optional<ConnectionRecord> connection = connections.find(stored.tenant());
        List<Integer> divisions = tenant.isPresent() && connection.isPresent()
                ? targetDivisions(envelope, tenant.get(), connection.get())
                : envelope.divisions();
        try {
            D bound = json.treeToValue(envelope.data(), handler.dataType());
            return new StoredEvent<>(envelope, divisions, bound, connection.orElse(null), envelope.data(), null);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            Problem problem = bindingProblem(unreadable);
            return new StoredEvent<>(envelope, divisions, null, connection.orElse(null), envelope.data(),
                    "the stored body no longer binds: " + problem.field() + " " + problem.message());
        }
    }

    /**
     * A stored event this version cannot read any more (its data type changed since it was accepted): no attempt can
     * succeed, so it ends failed for good, with its reason and a {@code sync.failed} callback, rather than being
     * skipped by every replay for ever.
     */
    private Optional<Outcome> poisoned(EventRecord stored, JsonNode data, String reason) {
        LOG.errorf("event %s of tenant %s cannot be resumed: %s", stored.eventId(), stored.tenant(), reason);
        return attempt(stored, data, () -> new Outcome.Failed(reason, false)).map(Finished::outcome);
    }

    /** A finished attempt: what the handler said and the stored record after it. */
    private record Finished(Outcome outcome, String resultJson) {
    }

    private <D> Optional<Finished> attempt(EventRecord record, AcceptedEvent<D> event, EventHandler<D> handler,
            JsonNode data) {
        return attempt(record, data, () -> run(event, handler, data));
    }

    /** Takes the lease, runs {@code work} and stores what it decided; empty when another worker holds the event. */
    private Optional<Finished> attempt(EventRecord record, JsonNode data, Supplier<Outcome> work) {
        String owner = "inbound-" + UUID.randomUUID();
        Optional<EventRecord> leased = events.startAttempt(record.tenant(), record.eventId(), record.version(), owner,
                clock.instant().plus(limits.lease()));
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        long version = leased.get().version();
        Outcome outcome = lastAttemptIsFinal(work.get(), leased.get().attempts());
        String tenant = record.tenant();
        String eventId = record.eventId();
        String resultJson = null;
        // Whether this worker's write stored the outcome (false when its lease was lost meanwhile).
        boolean stored = false;
        if (outcome instanceof Outcome.Done done) {
            resultJson = write(ordered("status", "synced", "results", json.valueToTree(done.results())));
            stored = events.complete(tenant, eventId, version, owner, resultJson).isPresent();
        } else if (outcome instanceof Outcome.Waiting waiting) {
            stored = events.markWaiting(tenant, eventId, version, owner, waiting.reason(),
                    waiting.retryAt() != null ? waiting.retryAt() : clock.instant().plus(limits.waitingRetry()))
                    .isPresent();
        } else if (outcome instanceof Outcome.ConfigurationGap gap) {
            stored = events.markWaiting(tenant, eventId, version, owner, gap.reason(),
                    clock.instant().plus(CONFIGURATION_GAP_RETRY)).isPresent();
            // Told once per gap, not at every retry: the CRM cannot fix it, and a repeat would only add noise.
            if (!gap.reason().equals(record.reason())) {
                reportFailure(record, data, gap.reason(), true);
            }
        } else if (outcome instanceof Outcome.Failed failed) {
            resultJson = write(ordered("status", "failed", "reason", failed.reason(), "retryable",
                    failed.retryable()));
            stored = events.markFailed(tenant, eventId, version, owner, failed.reason(), failed.retryable(),
                    resultJson).isPresent();
            reportFailure(record, data, failed.reason(), failed.retryable());
        }
        if (stored) {
            observe(record, outcome, resultJson);
        }
        return Optional.of(new Finished(outcome, resultJson));
    }

    private void observe(EventRecord before, Outcome outcome, String resultJson) {
        try {
            observer.stored(before, outcome, resultJson);
        } catch (RuntimeException broken) {
            // The outcome is stored; an observer's failure (progress counters) must not turn it into an error.
            LOG.errorf("event %s of tenant %s: observer failed (%s)", before.eventId(), before.tenant(),
                    SafeStackTrace.of(broken));
        }
    }

    private static AttemptObserver all(List<AttemptObserver> observers) {
        return (before, outcome, resultJson) -> observers.forEach(o -> o.stored(before, outcome, resultJson));
    }

    private <D> Outcome run(AcceptedEvent<D> event, EventHandler<D> handler, JsonNode data) {
        // Every log line of the handler (and of the Exact client under it) carries these ids in the JSON logs.
        putLogContext(event, data);
        try {
            return handler.process(event);
        } catch (RuntimeException crash) {
            // Classes and frames only: the message may carry personal data from the body.
            LOG.errorf("event %s of tenant %s: handler %s threw %s", event.eventId(), event.tenant(),
                    handler.type(), SafeStackTrace.of(crash));
            return new Outcome.Failed("internal error (" + crash.getClass().getSimpleName() + ")", true);
        } finally {
            clearLogContext();
        }
    }

    /**
     * A retryable failure on the replay's last attempt is final: the replay stops there, so the event must say so
     * (listed as failed, not retryable, and the CRM told) instead of looking retryable while nothing retries it.
     */
    private static Outcome lastAttemptIsFinal(Outcome outcome, int attempts) {
        if (outcome instanceof Outcome.Failed failed && failed.retryable()
                && attempts >= EventReplayer.MAX_ATTEMPTS) {
            return new Outcome.Failed(failed.reason() + " (given up after " + attempts
                    + " attempts; an operator may replay it)", false);
        }
        return outcome;
    }

    private void reportFailure(EventRecord record, JsonNode data, String reason, boolean retryable) {
        String tenant = record.tenant();
        String eventId = record.eventId();
        metrics.record(new MetricPoint(MetricNames.EVENTS_FAILED, MetricUnit.COUNT, 1, Map.of("Tenant", tenant),
                Map.of("eventId", eventId, "type", record.type(), "retryable", Boolean.toString(retryable))));
        String entity = entityKey(record.type(), data, eventId);
        try {
            callbacks.send(tenant, entity, "sync.failed", new SyncFailed(eventId, entity, reason, retryable));
        } catch (RuntimeException storeDown) {
            LOG.errorf("event %s of tenant %s: sync.failed callback not stored (%s)", eventId, tenant,
                    SafeStackTrace.of(storeDown));
        }
    }

    private static void putLogContext(AcceptedEvent<?> event, JsonNode data) {
        MDC.put("tenant", event.tenant());
        MDC.put("eventId", event.eventId());
        JsonNode id = data == null ? null : data.get("id");
        if (id != null && id.isTextual()) {
            MDC.put("crmId", id.asText());
        }
        if (event.divisions().size() == 1) {
            // With several divisions the flow sets the one it is working on.
            MDC.put("division", event.divisions().get(0).toString());
        }
    }

    private static void clearLogContext() {
        for (String key : List.of("tenant", "eventId", "crmId", "division")) {
            MDC.remove(key);
        }
    }

    private HttpResponseEvent answer(Finished finished) {
        if (finished.outcome() instanceof Outcome.Done) {
            return HttpResponseEvent.json(200, finished.resultJson());
        }
        if (finished.outcome() instanceof Outcome.Waiting waiting) {
            return accepted("waiting", waiting.reason(), true);
        }
        if (finished.outcome() instanceof Outcome.ConfigurationGap gap) {
            return accepted("waiting", gap.reason(), true);
        }
        Outcome.Failed failed = (Outcome.Failed) finished.outcome();
        return failed.retryable()
                ? accepted("failed", failed.reason(), true)
                : HttpResponseEvent.json(200, finished.resultJson());
    }

    /** The answer to a redelivery: the same as the first delivery got, or 202 while the event is still open. */
    private HttpResponseEvent storedAnswer(EventRecord stored) {
        switch (stored.status()) {
            case DONE:
                return HttpResponseEvent.json(200, stored.result());
            case FAILED:
                return stored.retryable()
                        ? accepted("failed", stored.reason(), true)
                        : HttpResponseEvent.json(200, stored.result());
            case WAITING:
                return accepted("waiting", stored.reason(), true);
            case ACCEPTED:
            case IN_PROGRESS:
            default:
                return HttpResponseEvent.json(202, write(ordered("status", "accepted")));
        }
    }

    private HttpResponseEvent accepted(String state, String reason, boolean retryable) {
        Map<String, Object> body = ordered("status", "accepted", "state", state);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("retryable", retryable);
        return HttpResponseEvent.json(202, write(body));
    }

    private static List<Integer> targetDivisions(Envelope envelope, Tenant tenant, ConnectionRecord connection) {
        return targetDivisions(envelope.divisions(), tenant, connection);
    }

    /**
     * The divisions an event targets: those it names, else the tenant's configured defaults that the connection has
     * selected, else the connection's defaults (also the bulk upload's rule).
     */
    public static List<Integer> targetDivisions(List<Integer> named, Tenant tenant, ConnectionRecord connection) {
        if (!named.isEmpty()) {
            return named;
        }
        if (tenant.divisions().isEmpty()) {
            return connection.defaultDivisions();
        }
        // Configured defaults count only where the operator has selected the division for this connection: after a
        // consent by another Exact user nothing is selected, and nothing may be booked until the operator confirms.
        return tenant.divisions().stream().filter(connection.divisions()::contains).toList();
    }

    /** {@code relation.upserted} about {@code rel-1001} → {@code relation:rel-1001}: the callback ordering key. */
    public static String entityKey(String type, JsonNode data, String eventId) {
        String kind = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        JsonNode id = data == null ? null : data.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank()
                ? kind + ":" + id.asText()
                : "event:" + eventId;
    }

    private Optional<JsonNode> parse(byte[] raw) {
        try {
            // Trailing bytes after the JSON value would be stored and signed but never read: refuse them.
            JsonNode node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(raw);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Problem bindingProblem(Exception unreadable) {
        if (unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder("data");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return new Problem(field.toString(), "has the wrong type or format");
        }
        return new Problem("data", "cannot be read");
    }

    private static String unauthorizedMessage(CrmSignature.Verdict verdict) {
        return switch (verdict) {
            case MISSING -> "Crm-Signature header is missing";
            case MALFORMED -> "Crm-Signature header is malformed (expected t=<unix seconds>,v1=<hex>)";
            case STALE -> "Crm-Signature timestamp is more than the allowed tolerance from now";
            default -> "Crm-Signature does not match";
        };
    }

    private HttpResponseEvent validation(List<Problem> problems) {
        return HttpResponseEvent.json(400, write(ordered("error", "validation", "problems", problems)));
    }

    private HttpResponseEvent error(int status, String error, String message) {
        return HttpResponseEvent.json(status, write(ordered("error", error, "message", message)));
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("answer not serialisable", impossible);
        }
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }
}
