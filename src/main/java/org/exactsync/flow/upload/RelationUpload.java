package org.exactsync.flow.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;
import org.exactsync.logging.SafeStackTrace;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.RelationValidator;
import org.exactsync.store.ClaimOutcome;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventStore;
import org.exactsync.store.NewEvent;
import org.exactsync.store.UploadPlan;
import org.exactsync.store.UploadStore;
import org.exactsync.time.Deadline;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.validation.Problem;
import org.jboss.logging.Logger;

/**
 * {@code POST /crm/relations/uploads}: one part of a bulk upload of the CRM's customer base, NDJSON, a header line
 * ({@link UploadHeader}) then one {@code relation.upserted} data object per line. Order: size (400) → the header's
 * tenant picks the secret → {@code Crm-Signature} over the raw bytes (401) → header and every line validated, all
 * problems named by line and field (400, no event written) → the part reserved for its content (other content under
 * the same number: 409) → each line claimed as a {@code relation.upserted} event in its division's lane, with an id
 * derived from upload, part and line, so a re-send queues nothing twice. The backlog drain then syncs the events at
 * the division's budget exactly as if the CRM had sent each one (matching, creation, {@code relation.synced}).
 *
 * <p>A part is refused whole when one line is invalid: the contract's rule for bad input (nothing half-written), and
 * the CRM fixes the line and sends the same part again.
 */
@ApplicationScoped
public class RelationUpload {

    private static final Logger LOG = Logger.getLogger(RelationUpload.class);
    static final String TYPE = "relation.upserted";

    private final TenantSettings tenants;
    private final ConnectionStore connections;
    private final EventStore events;
    private final UploadStore uploads;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration tolerance;
    private final Duration retention;
    private final InvocationDeadline deadlines;
    private final UploadLimits limits;
    private final RelationValidator validator = new RelationValidator();

    @Inject
    public RelationUpload(TenantSettings tenants, ConnectionStore connections, EventStore events,
            UploadStore uploads, ObjectMapper json, Clock clock, CrmConfig config, InvocationDeadline deadlines) {
        this(tenants, connections, events, uploads, json, clock, config.inbound().signatureTolerance(),
                config.inbound().eventRetention(), deadlines, UploadLimits.defaults());
    }

    /** For tests and tools: explicit timings and limits. */
    public RelationUpload(TenantSettings tenants, ConnectionStore connections, EventStore events,
            UploadStore uploads, ObjectMapper json, Clock clock, Duration tolerance, Duration retention,
            InvocationDeadline deadlines, UploadLimits limits) {
        this.tenants = tenants;
        this.connections = connections;
        this.events = events;
        this.uploads = uploads;
        this.json = json;
        this.clock = clock;
        this.tolerance = tolerance;
        this.retention = retention;
        this.deadlines = deadlines;
        this.limits = limits;
    }

    /** Receives one part and answers per docs/crm-contract.md (bulk upload). */
    public HttpResponseEvent receive(HttpRequestEvent request) {
        byte[] raw = request.rawBody();
        if (raw.length > limits.maxPartBytes()) {
            // Before any parse or look-up: an unsigned caller must not make us read megabytes.
            return refused(0, List.of(new LineProblem(0, "body", "is larger than " + limits.maxPartBytes() / 1024
                    + " KB: send the relations in more parts")));
        }
        UploadLines lines = new UploadLines(raw);
        JsonNode header = lines.next() && lines.length() <= limits.maxLineBytes()
                ? parse(raw, lines).orElse(null) : null;
        String claimed = UploadHeader.claimedTenant(header);
        Optional<Tenant> tenant = tenants.tenant(claimed);
        CrmSignature.Verdict verdict = tenant.map(t -> CrmSignature.verify(request.header(CrmSignature.HEADER),
                t.inboundSecret(), raw, clock.instant(), tolerance)).orElse(CrmSignature.Verdict.MISMATCH);
        if (verdict != CrmSignature.Verdict.VALID) {
            LOG.debugf("upload part for tenant %s refused: signature %s", claimed, verdict);
            return answer(401, ordered("error", "unauthorized", "message", "Crm-Signature "
                    + verdict.name().toLowerCase(java.util.Locale.ROOT)));
        }
        Optional<ConnectionRecord> connection = connections.find(claimed);
        List<LineProblem> problems = new ArrayList<>();
        if (connection.isEmpty()) {
            problems.add(new LineProblem(1, "tenant", "is not connected to Exact Online yet"));
        }
        Set<Integer> allowed = connection.map(c -> Set.copyOf(c.divisions())).orElse(Set.of());
        Optional<UploadPlan> plan = UploadHeader.read(header, allowed, limits.maxParts(), problems);
        if (!problems.isEmpty()) {
            return refused(problems.size(), problems);
        }
        List<Integer> targets = InboundPipeline.targetDivisions(plan.get().divisions(), tenant.get(),
                connection.get());
        if (targets.isEmpty()) {
            return refused(1, List.of(new LineProblem(1, "divisions",
                    "is required: the tenant has no default divisions configured")));
        }
        return receive(plan.get(), UploadHeader.part(header), raw, targets);
    }

    private HttpResponseEvent receive(UploadPlan plan, int part, byte[] raw, List<Integer> targets) {
        Checked checked = check(raw);
        String hash = sha256(raw);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(retention);
        if (checked.lines() == 0 || checked.lines() > limits.maxLines()) {
            return refused(0, List.of(new LineProblem(0, "body", "has " + checked.lines()
                    + " relation lines; a part holds 1 to " + limits.maxLines())));
        }
        if (uploads.begin(plan, now, expiresAt) == UploadStore.Begun.OTHER_PLAN) {
            return conflict("upload " + plan.uploadId() + " was started with other parts, divisions or occurredAt");
        }
        if (checked.invalid() > 0) {
            uploads.partRefused(plan.tenant(), plan.uploadId(), part, hash, checked.lines(), checked.invalid(), now,
                    expiresAt);
            return refused(checked.invalid(), checked.problems());
        }
        switch (uploads.reservePart(plan.tenant(), plan.uploadId(), part, hash, checked.lines(), now, expiresAt)) {
            case OTHER_CONTENT:
                return conflict("part " + part + " of upload " + plan.uploadId()
                        + " was already received with other content");
            case ALREADY_ACCEPTED:
                return accepted(plan, part, checked.lines(), 0, checked.lines());
            case RESERVED:
            default:
                break;
        }
        Queued queued = queue(plan, part, raw, targets, now);
        if (queued.conflicts() > 0) {
            return conflict(queued.conflicts() + " lines of part " + part + " of upload " + plan.uploadId()
                    + " were queued before with other content");
        }
        if (queued.failure() != null || queued.fresh() + queued.again() < checked.lines()) {
            LOG.warnf("upload %s part %d of tenant %s cut short after %d of %d lines%s", plan.uploadId(), part,
                    plan.tenant(), queued.fresh() + queued.again(), checked.lines(),
                    queued.failure() == null ? "" : ": " + SafeStackTrace.of(queued.failure()));
            return answer(503, ordered("error", "unfinished", "message", "not every line could be queued in time; "
                    + "send the same part again (lines queued already are not queued twice)", "queued",
                    queued.fresh() + queued.again(), "lines", checked.lines()));
        }
        uploads.partAccepted(plan.tenant(), plan.uploadId(), part, hash, checked.lines(), clock.instant());
        LOG.infof("upload %s part %d of tenant %s: %d lines, %d newly queued", plan.uploadId(), part, plan.tenant(),
                checked.lines(), queued.fresh());
        return accepted(plan, part, checked.lines(), queued.fresh(), queued.again());
    }

    /** A part's relation lines counted and validated, the problems of the first invalid ones kept. */
    private record Checked(int lines, int invalid, List<LineProblem> problems) {
    }

    private Checked check(byte[] raw) {
        UploadLines lines = new UploadLines(raw);
        lines.next();
        int count = 0;
        int invalid = 0;
        List<LineProblem> shown = new ArrayList<>();
        while (lines.next()) {
            count++;
            List<LineProblem> found = problems(raw, lines);
            if (!found.isEmpty()) {
                invalid++;
                found.stream().limit(Math.max(0, limits.problemsShown() - shown.size())).forEach(shown::add);
            }
        }
        return new Checked(count, invalid, shown);
    }

    private List<LineProblem> problems(byte[] raw, UploadLines lines) {
        int number = lines.number();
        if (lines.length() > limits.maxLineBytes()) {
            return List.of(new LineProblem(number, "line", "is longer than " + limits.maxLineBytes() / 1024
                    + " KB"));
        }
        Optional<JsonNode> data = parse(raw, lines);
        if (data.isEmpty() || !data.get().isObject()) {
            return List.of(new LineProblem(number, "line", "is not one JSON object"));
        }
        List<Problem> problems = validator.validate(data.get());
        if (problems.isEmpty()) {
            try {
                json.treeToValue(data.get(), RelationUpserted.class);
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                return List.of(new LineProblem(number, "line", "has a field of the wrong type or format"));
            }
        }
        // The validator names paths from an event's envelope ("data.vatNumber"); a line is the data object itself.
        return problems.stream().map(p -> new LineProblem(number, p.field().equals("data") ? "line"
                : p.field().replaceFirst("^data\\.", ""), p.message())).toList();
    }

    /** How the claims of one part went. */
    private record Queued(int fresh, int again, int conflicts, RuntimeException failure) {
    }

    private Queued queue(UploadPlan plan, int part, byte[] raw, List<Integer> targets, Instant now) {
        Deadline deadline = deadlines.current();
        AtomicInteger fresh = new AtomicInteger();
        AtomicInteger again = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // A few claims in flight, and never more lines read ahead than that: the part is queued as it is read.
        ExecutorService claims = Executors.newFixedThreadPool(limits.claimConcurrency());
        Semaphore inFlight = new Semaphore(limits.claimConcurrency() * 2);
        try {
            UploadLines lines = new UploadLines(raw);
            lines.next();
            while (lines.next() && failure.get() == null && deadline.leaves(clock, limits.finishMargin())) {
                NewEvent event = event(plan, part, lines.number(), targets, (ObjectNode) parse(raw, lines)
                        .orElseThrow(), now);
                inFlight.acquire();
                claims.execute(() -> {
                    try {
                        ClaimOutcome outcome = events.claim(event).outcome();
                        (outcome == ClaimOutcome.NEW ? fresh
                                : outcome == ClaimOutcome.DUPLICATE_SAME_BODY ? again : conflicts).incrementAndGet();
                    } catch (RuntimeException storeDown) {
                        failure.compareAndSet(null, storeDown);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            claims.shutdown();
            awaitClaims(claims, deadline);
        }
        return new Queued(fresh.get(), again.get(), conflicts.get(), failure.get());
    }

    private void awaitClaims(ExecutorService claims, Deadline deadline) {
        try {
            if (!claims.awaitTermination(Math.max(1, deadline.remaining(clock).toMillis()), TimeUnit.MILLISECONDS)) {
                claims.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            claims.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private NewEvent event(UploadPlan plan, int part, int line, List<Integer> targets, ObjectNode data, Instant now) {
        String eventId = UploadEventIds.of(plan.uploadId(), part, line);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("eventId", eventId);
        envelope.put("type", TYPE);
        envelope.put("occurredAt", plan.occurredAt().toString());
        envelope.put("tenant", plan.tenant());
        if (!plan.divisions().isEmpty()) {
            envelope.set("divisions", json.valueToTree(plan.divisions()));
        }
        envelope.set("data", data);
        String body = envelope.toString();
        return new NewEvent(plan.tenant(), eventId, TYPE, sha256(body.getBytes(StandardCharsets.UTF_8)), body,
                now.plus(retention), targets, InboundPipeline.entityKey(TYPE, data, eventId), List.of());
    }

    private Optional<JsonNode> parse(byte[] raw, UploadLines lines) {
        try {
            JsonNode node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(raw, lines.start(), lines.length());
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private HttpResponseEvent accepted(UploadPlan plan, int part, int lines, int queued, int alreadyQueued) {
        return answer(200, ordered("status", "accepted", "uploadId", plan.uploadId(), "part", part, "lines", lines,
                "queued", queued, "alreadyQueued", alreadyQueued));
    }

    private HttpResponseEvent refused(int invalidLines, List<LineProblem> problems) {
        return answer(400, ordered("error", "validation", "invalidLines", invalidLines, "problems", problems));
    }

    private HttpResponseEvent conflict(String message) {
        return answer(409, ordered("error", "conflict", "message", message));
    }

    private HttpResponseEvent answer(int status, Map<String, Object> body) {
        try {
            return HttpResponseEvent.json(status, json.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("answer not serialisable", impossible);
        }
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }
}
