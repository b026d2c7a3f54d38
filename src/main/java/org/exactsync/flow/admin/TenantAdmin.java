package org.exactsync.flow.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.Answers;
import org.exactsync.flow.connect.GatewayRequest;
import org.exactsync.flow.reconcile.ReconciliationAdmin;
import org.jboss.logging.Logger;

/**
 * The tenant admin routes under {@code /admin/tenants/<tenant>/}, each signed with the tenant's inbound secret in the
 * contract's {@code Crm-Signature} scheme over the raw body (empty for GET):
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
 * </ul>
 */
@ApplicationScoped
public class TenantAdmin {

    private static final Logger LOG = Logger.getLogger(TenantAdmin.class);

    private final TenantSettings tenants;
    private final ConnectionAdmin connections;
    private final EventAdmin events;
    private final LedgerMappingAdmin ledgers;
    private final Clock clock;
    private final Duration tolerance;
    private final ObjectMapper json;
    /** Null in tools built without it: the route then answers 404. */
    private final ReconciliationAdmin reconciliation;

    @Inject
    public TenantAdmin(TenantSettings tenants, ConnectionAdmin connections, EventAdmin events,
            LedgerMappingAdmin ledgers, Clock clock, CrmConfig config, ObjectMapper json,
            ReconciliationAdmin reconciliation) {
        this(tenants, connections, events, ledgers, clock, config.inbound().signatureTolerance(), json,
                reconciliation);
    }

    /** For tests and tools, without the reconciliation route. */
    public TenantAdmin(TenantSettings tenants, ConnectionAdmin connections, EventAdmin events,
            LedgerMappingAdmin ledgers, Clock clock, Duration tolerance, ObjectMapper json) {
        this(tenants, connections, events, ledgers, clock, tolerance, json, null);
    }

    /** For tests and tools. */
    public TenantAdmin(TenantSettings tenants, ConnectionAdmin connections, EventAdmin events,
            LedgerMappingAdmin ledgers, Clock clock, Duration tolerance, ObjectMapper json,
            ReconciliationAdmin reconciliation) {
        this.reconciliation = reconciliation;
        this.tenants = tenants;
        this.connections = connections;
        this.events = events;
        this.ledgers = ledgers;
        this.clock = clock;
        this.tolerance = tolerance;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Routes one request; unknown tenants and bad signatures get the same 401. */
    public HttpResponseEvent handle(GatewayRequest request) {
        Optional<AdminPath> path = AdminPath.parse(request.requestPath());
        if (path.isEmpty()) {
            return Answers.error(404, "not-found", "no admin route at this path");
        }
        String tenant = path.get().tenant();
        Optional<Tenant> settings = tenants.tenant(tenant);
        CrmSignature.Verdict verdict = settings
                .map(t -> CrmSignature.verify(request.header(CrmSignature.HEADER), t.inboundSecret(),
                        request.rawBody(), clock.instant(), tolerance))
                .orElse(CrmSignature.Verdict.MISMATCH);
        if (verdict != CrmSignature.Verdict.VALID) {
            LOG.infof("admin request for tenant %s refused: signature %s", tenant, verdict);
            return Answers.error(401, "unauthorized", "Crm-Signature is missing, stale or does not match");
        }
        return route(request, path.get());
    }

    private HttpResponseEvent route(GatewayRequest request, AdminPath path) {
        String method = request.method();
        String tenant = path.tenant();
        if (path.matches("connection")) {
            return method.equals("GET") ? Answers.json(200, connections.status(tenant, request)) : notAllowed("GET");
        }
        if (path.matches("divisions")) {
            return method.equals("PUT")
                    ? read(request, DivisionSelection.class).map(body -> connections.selectDivisions(tenant, body,
                            request))
                            .orElseGet(TenantAdmin::unreadable)
                    : notAllowed("PUT");
        }
        if (path.matches("mode")) {
            return method.equals("PUT")
                    ? read(request, ModeChange.class).map(body -> switchMode(tenant, body, request))
                            .orElseGet(TenantAdmin::unreadable)
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
                            body)).orElseGet(TenantAdmin::unreadable)
                    : notAllowed("POST");
        }
        if (path.matches("divisions", "*", "ledger-mapping")) {
            String division = path.segments().get(1);
            return switch (method) {
                case "GET" -> ledgers.show(tenant, division);
                case "PUT" -> read(request, LedgerMappingBody.class).map(body -> ledgers.replace(tenant, division,
                        body)).orElseGet(TenantAdmin::unreadable);
                default -> notAllowed("GET or PUT");
            };
        }
        if (path.matches("reconciliation") && reconciliation != null) {
            return method.equals("GET") ? reconciliation.report(tenant, request.query("division"),
                    request.query("from"), request.query("to")) : notAllowed("GET");
        }
        return Answers.error(404, "not-found", "no admin route at this path");
    }

    /** Going live is refused while a selected division's stored ledger mapping has errors (bookings would fail). */
    private HttpResponseEvent switchMode(String tenant, ModeChange change, GatewayRequest request) {
        if ("live".equals(change.mode()) && ledgers != null) {
            Optional<HttpResponseEvent> blocked = ledgers.goLiveBlock(tenant);
            if (blocked.isPresent()) {
                return blocked.get();
            }
        }
        return connections.switchMode(tenant, change, request);
    }

    private <T> Optional<T> read(GatewayRequest request, Class<T> type) {
        try {
            return Optional.ofNullable(json.readValue(request.rawBody(), type));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static HttpResponseEvent unreadable() {
        return Answers.error(400, "validation", "the body is not the JSON this route takes");
    }

    private static HttpResponseEvent notAllowed(String allowed) {
        return Answers.error(405, "method", "use " + allowed);
    }
}
