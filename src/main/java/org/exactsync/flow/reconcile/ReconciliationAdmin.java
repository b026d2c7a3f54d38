package org.exactsync.flow.reconcile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactAuthException;
import org.exactsync.exact.ExactDeadlineException;
import org.exactsync.exact.ExactRateLimitedException;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.connect.Answers;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin route {@code GET reconciliation?division=<d>&from=<yyyy-mm-dd>&to=<yyyy-mm-dd>} (the tenant admin router
 * checks the signature first): the drift report of one selected division and period as JSON.
 */
@ApplicationScoped
public class ReconciliationAdmin {

    /** A longer period is refused: one run must stay well inside a function's time and the division's budget. */
    static final long MAX_DAYS = 366;
    private static final Logger LOG = Logger.getLogger(ReconciliationAdmin.class);

    private final ConnectionStore connections;
    private final Reconciliation reconciliation;
    private final Answers answers;

    @Inject
    public ReconciliationAdmin(ConnectionStore connections, Reconciliation reconciliation, ObjectMapper json) {
        this.answers = new Answers(json);
        this.connections = connections;
        this.reconciliation = reconciliation;
    }

    /** Validates the query, runs the reconciliation and answers the report (200) or the contract's error shape. */
    public HttpResponseEvent report(String tenant, Optional<String> division, Optional<String> from,
            Optional<String> to) {
        Optional<Integer> code = division.flatMap(ReconciliationAdmin::number);
        Optional<LocalDate> start = from.flatMap(ReconciliationAdmin::date);
        Optional<LocalDate> end = to.flatMap(ReconciliationAdmin::date);
        if (code.isEmpty() || start.isEmpty() || end.isEmpty()) {
            return answers.error(400, "validation", "division (a number), from and to (yyyy-mm-dd) are required");
        }
        if (end.get().isBefore(start.get()) || ChronoUnit.DAYS.between(start.get(), end.get()) >= MAX_DAYS) {
            return answers.error(400, "validation", "to must be on or after from, at most " + MAX_DAYS
                    + " days later");
        }
        Optional<ConnectionRecord> connection = connections.find(tenant);
        if (connection.isEmpty() || !connection.get().divisions().contains(code.get())) {
            return answers.error(404, "not-connected", "division " + code.get() + " is not connected for tenant "
                    + tenant);
        }
        if (connection.get().status() != ConnectionStatus.ACTIVE) {
            return answers.error(409, "not-ready", "the connection needs consent before Exact can be read");
        }
        ExactTarget target = new ExactTarget(connection.get().tokenKey(), code.get());
        try {
            return answers.json(200, reconciliation.run(target, tenant, start.get(), end.get()));
        } catch (ExactAuthException consent) {
            return answers.error(409, "not-ready", "the connection needs consent before Exact can be read");
        } catch (ExactRateLimitedException | ExactTransientException | ExactDeadlineException unavailable) {
            LOG.infof("reconciliation of tenant %s division %d: Exact unavailable (%s)", tenant, code.get(),
                    unavailable.getClass().getSimpleName());
            return answers.error(502, "exact-unavailable", "Exact did not answer; try again later");
        } catch (ExactValidationException refused) {
            LOG.warnf("reconciliation of tenant %s division %d: Exact refused a read (%s)", tenant, code.get(),
                    refused.getClass().getSimpleName());
            return answers.error(502, "exact-error", "Exact refused a read of the reconciliation");
        }
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
