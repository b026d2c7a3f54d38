package org.exactsync.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin write as the audit trail keeps it. Holds no personal data: routes carry tenant, division and CRM ids,
 * the change is a short summary in the connector's own words.
 *
 * @param tenant the tenant the write was about
 * @param at     when it was answered
 * @param route  method and path, e.g. {@code PUT /admin/tenants/acme/mode}
 * @param keyId  which credential signed it: {@code admin-secret#<first 8 hex of SHA-256(secret)>}
 * @param status the HTTP status answered
 * @param change what changed, e.g. {@code mode live}; for a refused write why it was refused
 */
public record AuditEntry(String tenant, Instant at, String route, String keyId, int status, String change) {

    public AuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(change, "change");
    }
}
