package org.exactsync.flow.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.config.SecretsConfig;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.connect.Answers;
import org.exactsync.store.TenantData;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The data-protection admin routes (docs/data-retention.md): erase one relation's personal data from the connector's
 * store, or remove a tenant completely. Exact is never touched: its bookkeeping is the business's legal record.
 */
@ApplicationScoped
public class DataProtectionAdmin {

    private static final Logger LOG = Logger.getLogger(DataProtectionAdmin.class);

    /** The per-tenant SSM parameters the deployment reads (docs/operations.md), listed for the operator to delete. */
    static final List<String> TENANT_SECRETS = List.of("inbound-secret", "outbound-secret", "admin-secret");

    private final TenantData data;
    private final String parameterPath;
    private final Answers answers;

    @Inject
    public DataProtectionAdmin(TenantData data, SecretsConfig secrets, ObjectMapper json) {
        this(data, secrets.parameterPath(), json);
    }

    /** For tests and tools: an explicit SSM folder. */
    public DataProtectionAdmin(TenantData data, String parameterPath, ObjectMapper json) {
        this.answers = new Answers(json);
        this.data = data;
        this.parameterPath = parameterPath;
    }

    /** Confirmation body of {@code POST relations/<id>/erasure}: the id again, so a mistyped path erases nothing. */
    public record ErasureRequest(String relationId) {
    }

    /** Confirmation body of {@code POST removal}: the tenant id again. */
    public record RemovalRequest(String tenant) {
    }

    /** {@code POST relations/<relationId>/erasure}. */
    public HttpResponseEvent erase(String tenant, String relationId, ErasureRequest body) {
        if (body == null || !relationId.equals(body.relationId())) {
            return answers.error(400, "validation", "relationId in the body must repeat the relation of the path");
        }
        TenantData.Erasure erasure = data.eraseRelation(tenant, relationId);
        if (erasure.refused()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "in-flight");
            answer.put("message", "events of this relation are still being worked; erase once they are done or"
                    + " failed (nothing was changed)");
            answer.put("events", erasure.inFlight());
            return answers.json(409, answer);
        }
        LOG.infof("tenant %s: relation erased from the store (%d mappings, %d events, %d callbacks)", tenant,
                erasure.mappingsCleared(), erasure.eventsRedacted(), erasure.callbacksDeleted());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("relationId", relationId);
        answer.put("mappingsCleared", erasure.mappingsCleared());
        answer.put("eventsRedacted", erasure.eventsRedacted());
        answer.put("callbacksDeleted", erasure.callbacksDeleted());
        answer.put("onboardingDeleted", erasure.onboardingDeleted());
        answer.put("exact", "untouched: the bookkeeping in Exact is kept as the law requires");
        return answers.json(200, answer);
    }

    /** {@code POST removal}: every item of the tenant; the answer lists the secrets the operator deletes. */
    public HttpResponseEvent remove(String tenant, RemovalRequest body) {
        if (body == null || !tenant.equals(body.tenant())) {
            return answers.error(400, "validation", "tenant in the body must repeat the tenant of the path");
        }
        int deleted = data.removeTenant(tenant);
        LOG.infof("tenant %s removed from the store (%d items)", tenant, deleted);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant);
        answer.put("itemsDeleted", deleted);
        answer.put("secretsToDelete", TENANT_SECRETS.stream().map(name -> parameterPath + "crm/" + tenant + "/" + name)
                .toList());
        answer.put("message", "delete these SSM parameters (or the crm.tenants." + tenant + " configuration) and"
                + " revoke the app's access in Exact; Exact's bookkeeping is untouched");
        return answers.json(200, answer);
    }
}
