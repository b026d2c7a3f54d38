package org.exactsync.flow.upload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.config.CrmConfig;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.AdminGuard;
import org.exactsync.store.UploadStore;

/**
 * An upload's progress, readable while it runs, on two routes: {@code GET /crm/relations/uploads/{uploadId}?tenant=…}
 * for the CRM (route-bound {@code Crm-Signature} with the tenant's inbound secret, like the receivables report) and
 * {@code GET /admin/tenants/{tenant}/relations/uploads/{uploadId}} for the operator (the admin routes' signature with
 * the admin secret). A read changes nothing.
 */
@ApplicationScoped
public class UploadStatusEndpoint {

    private static final Pattern ADMIN = Pattern.compile(".*/admin/tenants/([^/]+)/relations/uploads/([^/]+)");
    private static final Pattern CRM = Pattern.compile(".*/crm/relations/uploads/([^/]+)");

    private final UploadStore uploads;
    private final TenantSettings tenants;
    private final AdminGuard admin;
    private final Clock clock;
    private final Duration tolerance;
    private final ObjectMapper json;

    @Inject
    public UploadStatusEndpoint(UploadStore uploads, TenantSettings tenants, AdminGuard admin, Clock clock,
            CrmConfig config, ObjectMapper json) {
        this(uploads, tenants, admin, clock, config.inbound().signatureTolerance(), json);
    }

    /** For tests and tools. */
    public UploadStatusEndpoint(UploadStore uploads, TenantSettings tenants, AdminGuard admin, Clock clock,
            Duration tolerance, ObjectMapper json) {
        this.uploads = uploads;
        this.tenants = tenants;
        this.admin = admin;
        this.clock = clock;
        this.tolerance = tolerance;
        this.json = json;
    }

    /** Answers one request. */
    public HttpResponseEvent handle(HttpRequestEvent request) {
        String path = request.requestPath();
        Matcher adminPath = ADMIN.matcher(path);
        Matcher crmPath = CRM.matcher(path);
        String tenant;
        String uploadId;
        boolean admitted;
        if (adminPath.matches()) {
            tenant = URLDecoder.decode(adminPath.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            uploadId = adminPath.group(2);
            admitted = admin.admit(tenant, request).admitted().isPresent();
        } else if (crmPath.matches()) {
            tenant = request.query("tenant").filter(value -> !value.isBlank())
                    .orElse(TenantSettings.DEFAULT_TENANT);
            uploadId = crmPath.group(1);
            Optional<Tenant> known = tenants.tenant(tenant);
            admitted = known.isPresent() && RouteSignature.verify(request.header(CrmSignature.HEADER),
                    known.get().inboundSecret(), request.method(), path, "/crm/", request.queryStringParameters(),
                    request.rawBody(), clock.instant(), tolerance) == CrmSignature.Verdict.VALID;
        } else {
            return HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"no such route\"}");
        }
        if (!admitted) {
            return HttpResponseEvent.json(401, "{\"error\":\"unauthorized\",\"message\":\"bad or missing signature\"}");
        }
        if (!"GET".equals(request.method())) {
            return HttpResponseEvent.json(405, "{\"error\":\"method\",\"message\":\"only GET\"}");
        }
        return uploads.find(tenant, uploadId)
                .map(progress -> ok(UploadStatus.of(progress)))
                .orElse(HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"no upload with this id\"}"));
    }

    private HttpResponseEvent ok(UploadStatus status) {
        try {
            return HttpResponseEvent.json(200, json.writeValueAsString(status));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
