package org.exactsync.flow.admin;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.Answers;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.flow.onboarding.ChoiceRequest;
import org.exactsync.flow.onboarding.IndexRequest;
import org.exactsync.flow.onboarding.OnboardingAdmin;
import org.exactsync.flow.reconcile.ReconciliationAdmin;
import org.jboss.logging.Logger;

/**
 * The tenant admin routes under {@code /admin/tenants/<tenant>/}, each signed with the tenant's admin secret in the
 * route-bound {@code Crm-Signature} scheme ({@link AdminGuard}: method, path, query and raw body; a write is accepted
 * once and recorded in the audit trail):
 *
 * <ul>
 * <li>{@code GET connection} — status, mode, divisions, connect link when consent is needed</li>
 * <li>{@code PUT divisions} {@code {"divisions":[…],"defaultDivisions":[…]}}</li>
 * <li>{@code PUT mode} {@code {"mode":"dry-run"|"live"}}</li>
 * <li>{@code GET events?status=failed&limit=50} — open events, oldest first</li>
 * <li>{@code GET events/<eventId>} — one event's state</li>
 * <li>{@code GET backlog} — open events and the age of the oldest, per division</li>
 * <li>{@code POST events/<eventId>/replay} {@code {"eventId":"<eventId>"}} — replay a failed event now</li>
 * <li>{@code GET divisions/<division>/ledger-mapping} — the ledger mapping checked against Exact's master data</li>
 * <li>{@code PUT divisions/<division>/ledger-mapping} {@link LedgerMappingBody} — replace it (version for CAS)</li>
 * <li>{@code GET reconciliation?division=<d>&from=<date>&to=<date>} — drift report of a division and period</li>
 * <li>{@code GET divisions/<division>/onboarding/report} (and {@code report.csv}) — the data-quality report</li>
 * <li>{@code POST divisions/<division>/onboarding/index} {@link IndexRequest} — build or refresh the account index</li>
 * <li>{@code PUT divisions/<division>/onboarding/choices/<relationId>} {@link ChoiceRequest} — the operator's choice
 * for an ambiguous match</li>
 * <li>{@code GET audit?limit=50} — the audit trail of admin writes, newest first</li>
 * <li>{@code POST relations/<relationId>/erasure} {@code {"relationId":"<relationId>"}} — erase the relation's
 * personal data from the store</li>
 * <li>{@code POST removal} {@code {"tenant":"<tenant>"}} — remove every stored item of the tenant</li>
 * </ul>
 */
@ApplicationScoped
public class TenantAdmin {

    private static final Logger LOG = Logger.getLogger(TenantAdmin.class);
    private static final int AUDIT_LIMIT = 200;

    private final AdminGuard guard;
    private final ConnectionAdmin connections;
    private final EventAdmin events;
    private final LedgerMappingAdmin ledgers;
    private final ObjectMapper json;
    private final Answers answers;
    /** Null in tools built without it: the route then answers 404. */
    private final ReconciliationAdmin reconciliation;
    /** Null in tools built without it: the routes then answer 404. */
    private final DataProtectionAdmin protection;

    /** Null in tools built without it: the onboarding routes then answer 404. */
    private final OnboardingAdmin onboarding;

    /** For tests and tools without the onboarding routes. */
    public TenantAdmin(AdminGuard guard, ConnectionAdmin connections, EventAdmin events, LedgerMappingAdmin ledgers,
            ObjectMapper json, ReconciliationAdmin reconciliation, DataProtectionAdmin protection) {
        this(guard, connections, events, ledgers, json, reconciliation, protection, null);
    }

    /**
     * For the functions, tests and tools; a part left null answers 404 on its routes.
     */
    @Inject
    public TenantAdmin(AdminGuard guard, ConnectionAdmin connections, EventAdmin events, LedgerMappingAdmin ledgers,
            ObjectMapper json, ReconciliationAdmin reconciliation, DataProtectionAdmin protection,
            OnboardingAdmin onboarding) {
        this.onboarding = onboarding;
        this.guard = guard;
        this.connections = connections;
        this.events = events;
        this.ledgers = ledgers;
        this.reconciliation = reconciliation;
        this.protection = protection;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.answers = new Answers(json);
    }

    /** Routes one request; unknown tenants and bad signatures get the same 401. */
    public HttpResponseEvent handle(HttpRequestEvent request) {
        Optional<AdminPath> path = AdminPath.parse(request.requestPath());
        if (path.isEmpty()) {
            return answers.error(404, "not-found", "no admin route at this path");
        }
        String tenant = path.get().tenant();
        AdminGuard.Result admission = guard.admit(tenant, request);
        if (admission.admitted().isEmpty()) {
            LOG.infof("admin request for tenant %s refused: %s", tenant, admission.detail());
            return admission.refusal().orElseThrow() == AdminGuard.Refusal.REPLAYED
                    ? answers.error(401, "replayed", "this signed request was already used; sign it again")
                    : answers.error(401, "unauthorized", "Crm-Signature is missing, stale or does not match"
                            + " (admin routes take the tenant's admin secret over method, path, query and body)");
        }
        HttpResponseEvent answer = route(request, path.get());
        boolean removal = path.get().matches("removal") && answer.statusCode() == 200;
        // A removed tenant keeps no audit item either; its removal is in the log line instead.
        if (AdminGuard.isWrite(request) && !removal) {
            guard.recordWrite(admission.admitted().get(), request, answer.statusCode(),
                    AuditSummary.of(path.get(), request.rawBody(), answer, json));
        }
        return answer;
    }

    private HttpResponseEvent route(HttpRequestEvent request, AdminPath path) {
        String method = request.method();
        String tenant = path.tenant();
        if (path.matches("connection")) {
            return method.equals("GET") ? answers.json(200, connections.status(tenant, request)) : notAllowed("GET");
        }
        if (path.matches("divisions")) {
            return method.equals("PUT")
                    ? read(request, DivisionSelection.class).map(body -> connections.selectDivisions(tenant, body,
                            request))
                            .orElseGet(this::unreadable)
                    : notAllowed("PUT");
        }
        if (path.matches("mode")) {
            return method.equals("PUT")
                    ? read(request, ModeChange.class).map(body -> switchMode(tenant, body, request))
                            .orElseGet(this::unreadable)
                    : notAllowed("PUT");
        }
        if (path.matches("events")) {
            return method.equals("GET") ? events.open(tenant, request.query("status"), request.query("limit"))
                    : notAllowed("GET");
        }
        if (path.matches("backlog")) {
            return method.equals("GET") ? events.backlog(tenant) : notAllowed("GET");
        }
        if (path.matches("events", "*")) {
            return method.equals("GET") ? events.event(tenant, path.segments().get(1)) : notAllowed("GET");
        }
        if (path.matches("events", "*", "replay")) {
            return method.equals("POST")
                    ? read(request, ReplayRequest.class).map(body -> events.replay(tenant, path.segments().get(1),
                            body)).orElseGet(this::unreadable)
                    : notAllowed("POST");
        }
        if (path.matches("divisions", "*", "ledger-mapping")) {
            String division = path.segments().get(1);
            return switch (method) {
                case "GET" -> ledgers.show(tenant, division);
                case "PUT" -> read(request, LedgerMappingBody.class).map(body -> ledgers.replace(tenant, division,
                        body)).orElseGet(this::unreadable);
                default -> notAllowed("GET or PUT");
            };
        }
        if (path.matches("reconciliation") && reconciliation != null) {
            return method.equals("GET") ? reconciliation.report(tenant, request.query("division"),
                    request.query("from"), request.query("to")) : notAllowed("GET");
        }
        if (path.segments().size() >= 4 && path.segments().get(0).equals("divisions")
                && path.segments().get(2).equals("onboarding") && onboarding != null) {
            return onboardingRoute(request, path);
        }
        if (path.matches("audit")) {
            return method.equals("GET") ? answers.json(200, Map.of("tenant", tenant, "entries",
                    guard.recent(tenant, AUDIT_LIMIT).stream().map(TenantAdmin::auditView).toList()))
                    : notAllowed("GET");
        }
        if (path.matches("relations", "*", "erasure") && protection != null) {
            return method.equals("POST")
                    ? read(request, DataProtectionAdmin.ErasureRequest.class).map(body -> protection.erase(tenant,
                            path.segments().get(1), body)).orElseGet(this::unreadable)
                    : notAllowed("POST");
        }
        if (path.matches("removal") && protection != null) {
            return method.equals("POST")
                    ? read(request, DataProtectionAdmin.RemovalRequest.class).map(body -> protection.remove(tenant,
                            body)).orElseGet(this::unreadable)
                    : notAllowed("POST");
        }
        return answers.error(404, "not-found", "no admin route at this path");
    }

    private HttpResponseEvent onboardingRoute(HttpRequestEvent request, AdminPath path) {
        String method = request.method();
        String tenant = path.tenant();
        String division = path.segments().get(1);
        if (path.matches("divisions", "*", "onboarding", "report")) {
            return method.equals("GET") ? onboarding.report(tenant, division, false) : notAllowed("GET");
        }
        if (path.matches("divisions", "*", "onboarding", "report.csv")) {
            return method.equals("GET") ? onboarding.report(tenant, division, true) : notAllowed("GET");
        }
        if (path.matches("divisions", "*", "onboarding", "index")) {
            return method.equals("POST") ? read(request, IndexRequest.class).map(body -> onboarding.index(tenant,
                    division, body)).orElseGet(this::unreadable) : notAllowed("POST");
        }
        if (path.matches("divisions", "*", "onboarding", "choices", "*")) {
            return method.equals("PUT") ? read(request, ChoiceRequest.class).map(body -> onboarding.choose(tenant,
                    division, path.segments().get(4), body)).orElseGet(this::unreadable) : notAllowed("PUT");
        }
        return answers.error(404, "not-found", "no admin route at this path");
    }

    private static Map<String, Object> auditView(org.exactsync.store.AuditEntry entry) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("at", entry.at().toString());
        view.put("route", entry.route());
        view.put("keyId", entry.keyId());
        view.put("status", entry.status());
        view.put("change", entry.change());
        return view;
    }

    /**
     * {@code PUT mode}, also for the operator console: going live is refused while a selected division's stored
     * ledger mapping has errors (bookings would fail).
     */
    public HttpResponseEvent switchMode(String tenant, ModeChange change, HttpRequestEvent request) {
        if ("live".equals(change.mode()) && ledgers != null) {
            Optional<HttpResponseEvent> blocked = ledgers.goLiveBlock(tenant);
            if (blocked.isPresent()) {
                return blocked.get();
            }
        }
        return connections.switchMode(tenant, change, request);
    }

    private <T> Optional<T> read(HttpRequestEvent request, Class<T> type) {
        try {
            return Optional.ofNullable(json.readValue(request.rawBody(), type));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private HttpResponseEvent unreadable() {
        return answers.error(400, "validation", "the body is not the JSON this route takes");
    }

    private HttpResponseEvent notAllowed(String allowed) {
        return answers.error(405, "method", "use " + allowed);
    }
}
