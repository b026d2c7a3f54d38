package org.exactsync.flow.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactAuthException;
import org.exactsync.exact.ExactDeadlineException;
import org.exactsync.exact.ExactRateLimitedException;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.flow.connect.Answers;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SeenRelation;
import org.jboss.logging.Logger;

/**
 * The onboarding admin routes under {@code /admin/tenants/<tenant>/divisions/<division>/onboarding/} (signed and
 * routed by the tenant admin): {@code GET report}, {@code GET report.csv}, {@code POST index}, {@code PUT
 * choices/<relationId>}. docs/operations.md gives each body and answer.
 */
@ApplicationScoped
public class OnboardingAdmin {

    private static final Logger LOG = Logger.getLogger(OnboardingAdmin.class);

    private final ConnectionStore connections;
    private final OnboardingService onboarding;
    private final Answers answers;

    public OnboardingAdmin(ConnectionStore connections, OnboardingService onboarding, ObjectMapper json) {
        this.connections = connections;
        this.onboarding = onboarding;
        this.answers = new Answers(json);
    }

    /** The division's data-quality report as JSON or CSV (0 Exact calls). */
    public HttpResponseEvent report(String tenant, String divisionText, boolean csv) {
        Optional<Integer> division = connected(tenant, divisionText);
        if (division.isEmpty()) {
            return notConnected(divisionText, tenant);
        }
        OnboardingReport report = onboarding.report(tenant, division.get());
        return csv ? new HttpResponseEvent(200, Map.of("Content-Type", "text/csv; charset=utf-8", "Cache-Control",
                "no-store"), ReportCsv.of(report)) : answers.json(200, report);
    }

    /** Builds the division's account index, or brings it up to date. */
    public HttpResponseEvent index(String tenant, String divisionText, IndexRequest body) {
        Optional<Integer> division = connected(tenant, divisionText);
        if (division.isEmpty()) {
            return notConnected(divisionText, tenant);
        }
        if (body.division() == null || !body.division().equals(division.get())) {
            return answers.error(400, "validation", "division: must repeat the division of the path");
        }
        ConnectionRecord connection = connections.find(tenant).orElseThrow();
        if (connection.status() != ConnectionStatus.ACTIVE) {
            return answers.error(409, "not-ready", "the connection needs consent before Exact can be read");
        }
        ExactTarget target = new ExactTarget(connection.tokenKey(), division.get());
        try {
            AccountIndex.Run run = onboarding.index(target, Boolean.TRUE.equals(body.rebuild()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("division", division.get());
            answer.put("accountsRead", run.accountsRead());
            answer.put("accountsAdded", run.added());
            answer.put("accountsRemoved", run.accountsRemoved());
            answer.put("complete", run.complete());
            onboarding.state(tenant, division.get()).ifPresent(state -> {
                answer.put("accounts", state.accounts());
                answer.put("refreshedAt", state.refreshedAt().toString());
            });
            return answers.json(200, answer);
        } catch (ExactAuthException consent) {
            return answers.error(409, "not-ready", "the connection needs consent before Exact can be read");
        } catch (ExactRateLimitedException | ExactTransientException | ExactDeadlineException
                | ExactValidationException unavailable) {
            LOG.infof("account index of tenant %s division %d: Exact unavailable (%s)", tenant, division.get(),
                    unavailable.getClass().getSimpleName());
            return answers.error(502, "exact-unavailable", "Exact did not answer the index read; try again later"
                    + " (the read continues from where it stopped)");
        }
    }

    /** Records the operator's choice for an ambiguous relation. */
    public HttpResponseEvent choose(String tenant, String divisionText, String relationId, ChoiceRequest body) {
        Optional<Integer> division = connected(tenant, divisionText);
        if (division.isEmpty()) {
            return notConnected(divisionText, tenant);
        }
        if (body.relationId() == null || !body.relationId().equals(relationId)) {
            return answers.error(400, "validation", "relationId: must repeat the relation of the path");
        }
        boolean createNew = Boolean.TRUE.equals(body.createNew());
        String code = body.accountCode() == null ? null : body.accountCode().strip();
        if (createNew == (code != null && !code.isEmpty())) {
            return answers.error(400, "validation", "accountCode or createNew: give exactly one");
        }
        if (!createNew && onboarding.state(tenant, division.get()).isPresent()
                && !onboarding.indexed(tenant, division.get(), code)) {
            return answers.error(400, "validation", "accountCode: no account with this relation number in division "
                    + division.get());
        }
        String choice = createNew ? SeenRelation.CREATE_NEW : code;
        onboarding.choose(tenant, division.get(), relationId, choice);
        return answers.json(200, Map.of("relationId", relationId, "division", division.get(), "choice", choice));
    }

    private Optional<Integer> connected(String tenant, String divisionText) {
        int division;
        try {
            division = Integer.parseInt(divisionText.trim());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return connections.find(tenant).filter(c -> c.divisions().contains(division)).map(c -> division);
    }

    private HttpResponseEvent notConnected(String division, String tenant) {
        return answers.error(404, "not-connected", "division " + division + " is not connected for tenant " + tenant);
    }
}
