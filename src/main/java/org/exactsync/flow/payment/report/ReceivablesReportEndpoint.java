package org.exactsync.flow.payment.report;

import org.exactsync.crm.inbound.HttpRequestEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Answers {@code GET /crm/receivables?tenant=…&relationId=…}: a relation's open receivables for the CRM.
 * A CRM route, so signed with the tenant's inbound secret, but route-bound ({@link RouteSignature}): the HMAC
 * covers method, path, query and the (empty) body, so a captured request is good for this relation's report only,
 * and only within the timestamp tolerance. A read changes nothing, so it is not remembered as used.
 */
@ApplicationScoped
public class ReceivablesReportEndpoint {

    private final ReceivablesReportService service;
    private final TenantSettings tenants;
    private final Clock clock;
    private final Duration tolerance;
    private final ObjectMapper json;

    @Inject
    public ReceivablesReportEndpoint(ReceivablesReportService service, TenantSettings tenants, Clock clock,
            CrmConfig config, ObjectMapper json) {
        this(service, tenants, clock, config.inbound().signatureTolerance(), json);
    }

    /** For tests and tools: an explicit signature tolerance. */
    public ReceivablesReportEndpoint(ReceivablesReportService service, TenantSettings tenants, Clock clock,
            Duration tolerance, ObjectMapper json) {
        this.service = service;
        this.tenants = tenants;
        this.clock = clock;
        this.tolerance = tolerance;
        this.json = json;
    }

    /** Answers one request. */
    public HttpResponseEvent handle(HttpRequestEvent request) {
        String tenantId = request.query("tenant").filter(value -> !value.isBlank()).orElse(TenantSettings.DEFAULT_TENANT);
        Optional<Tenant> tenant = tenants.tenant(tenantId);
        if (tenant.isEmpty() || RouteSignature.verify(request.header(CrmSignature.HEADER),
                tenant.get().inboundSecret(), request.method(), request.requestPath(), "/crm/",
                request.queryStringParameters(), request.rawBody(), clock.instant(), tolerance)
                != CrmSignature.Verdict.VALID) {
            return HttpResponseEvent.json(401, "{\"error\":\"unauthorized\",\"message\":\"bad or missing signature\"}");
        }
        Optional<String> relationId = request.query("relationId").filter(value -> !value.isBlank());
        if (relationId.isEmpty()) {
            return HttpResponseEvent.json(400, "{\"error\":\"validation\",\"problems\":[{\"field\":\"relationId\","
                    + "\"message\":\"is required\"}]}");
        }
        try {
            return service.report(tenantId, relationId.get())
                    .map(this::ok)
                    .orElse(HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"tenant has no Exact "
                            + "connection\"}"));
        } catch (ExactException unavailable) {
            return HttpResponseEvent.json(503, "{\"error\":\"unavailable\",\"message\":\"Exact could not be read: "
                    + unavailable.getClass().getSimpleName() + "\"}");
        }
    }

    private HttpResponseEvent ok(ReceivablesReport report) {
        try {
            return HttpResponseEvent.json(200, json.writeValueAsString(report));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
