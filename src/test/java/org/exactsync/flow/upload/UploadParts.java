package org.exactsync.flow.upload;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.RouteSignature;
import org.exactsync.crm.inbound.HttpRequestEvent;

/**
 * Builds what a CRM sends for a bulk upload: NDJSON parts (a header line, then one relation per line) signed with
 * the tenant's inbound secret, as API Gateway hands them to the function (body base64-encoded); and the signed status
 * reads.
 */
final class UploadParts {

    static final String PATH = "/crm/relations/uploads";

    private final String tenant;
    private final String secret;
    private final Clock clock;

    UploadParts(String tenant, String secret, Clock clock) {
        this.tenant = tenant;
        this.secret = secret;
        this.clock = clock;
    }

    /** A plain customer with a Dutch address: valid, no VAT or KvK number. */
    static String relation(String id, String name) {
        return "{\"id\":\"" + id + "\",\"roles\":[\"customer\"],\"name\":\"" + name + "\",\"address\":{\"line1\":"
                + "\"Dorpsstraat 1\",\"postcode\":\"3512 AB\",\"city\":\"Utrecht\",\"country\":\"NL\"}}";
    }

    /** The header line of part {@code part} of {@code parts}. */
    String header(String uploadId, int part, int parts, String divisions) {
        return "{\"uploadId\":\"" + uploadId + "\",\"part\":" + part + ",\"parts\":" + parts + ",\"tenant\":\""
                + tenant + "\",\"occurredAt\":\"2026-12-01T08:00:00Z\"" + (divisions == null ? ""
                        : ",\"divisions\":" + divisions) + "}";
    }

    /** Part {@code part}: its header, then {@code count} relations, the i-th (from 0) given by {@code line}. */
    String part(String uploadId, int part, int parts, String divisions, int count, IntFunction<String> line) {
        StringBuilder body = new StringBuilder(header(uploadId, part, parts, divisions)).append('\n');
        for (int i = 0; i < count; i++) {
            body.append(line.apply(i)).append('\n');
        }
        return body.toString();
    }

    /** Part {@code part} of {@code parts} with the given relation lines. */
    String part(String uploadId, int part, int parts, List<String> lines) {
        List<String> all = new ArrayList<>(List.of(header(uploadId, part, parts, null)));
        all.addAll(lines);
        return String.join("\n", all) + "\n";
    }

    /** The POST of {@code body}, signed with the inbound secret. */
    HttpRequestEvent post(String body) {
        return post(body, secret);
    }

    /** The POST of {@code body}, signed with {@code key}. */
    HttpRequestEvent post(String body, String key) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return new HttpRequestEvent("POST", null, PATH, null,
                Map.of(CrmSignature.HEADER, CrmSignature.sign(key, clock.instant(), raw)), Map.of(),
                Base64.getEncoder().encodeToString(raw), true);
    }

    /** The CRM's status read of an upload, route-bound signed with the inbound secret. */
    HttpRequestEvent status(String uploadId) {
        String path = PATH + "/" + uploadId;
        Map<String, String> query = Map.of("tenant", tenant);
        return new HttpRequestEvent("GET", null, path, null, Map.of(CrmSignature.HEADER, RouteSignature.sign(secret,
                clock.instant(), "GET", path, "/crm/", query, new byte[0])), query, null, false);
    }

    /** The operator's status read, route-bound signed with {@code adminSecret}. */
    HttpRequestEvent adminStatus(String uploadId, String adminSecret) {
        String path = "/admin/tenants/" + tenant + "/relations/uploads/" + uploadId;
        return new HttpRequestEvent("GET", null, path, null, Map.of(CrmSignature.HEADER, RouteSignature.sign(
                adminSecret, clock.instant(), "GET", path, "/admin/", Map.of(), new byte[0])), Map.of(), null, false);
    }
}
