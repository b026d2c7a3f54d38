package org.exactsync.flow.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.connect.Answers;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.mapping.LedgerMappingGaps;
import org.exactsync.mapping.VatKey;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.LedgerMappingStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads, replaces and checks a division's ledger mapping (issue 7: mapping stored in the connector, editable, and
 * validated against the division's master data with a readable report before go-live). A check reloads the master
 * data from Exact (6 calls) so the report reflects what a bookkeeper changed a minute ago, and refreshes the copy
 * the invoice flow books against. A replace makes the invoices waiting on a gap in that division's mapping due at
 * once.
 */
@ApplicationScoped
public class LedgerMappingAdmin {

    private static final Logger LOG = Logger.getLogger(LedgerMappingAdmin.class);

    /**
     * Waiting events looked at per replace. One index page; events beyond it (a tenant with hundreds waiting) are
     * still retried by themselves within {@code InboundPipeline.CONFIGURATION_GAP_RETRY}.
     */
    static final int MAX_WAITING_SCANNED = 500;

    private final ConnectionStore connections;
    private final LedgerMappingStore mappings;
    private final FinanceMasterDataCache masterData;
    private final EventStore events;
    private final Clock clock;
    private final Answers answers;

    public LedgerMappingAdmin(ConnectionStore connections, LedgerMappingStore mappings,
            FinanceMasterDataCache masterData, EventStore events, Clock clock, ObjectMapper json) {
        this.answers = new Answers(json);
        this.connections = connections;
        this.mappings = mappings;
        this.masterData = masterData;
        this.events = events;
        this.clock = clock;
    }

    /** {@code GET divisions/<d>/ledger-mapping}: the mapping and its check. */
    public HttpResponseEvent show(String tenant, String divisionText) {
        return withTarget(tenant, divisionText, target -> answers.json(200,
                view(target, mappings.find(tenant, target.division()))));
    }

    /** {@code PUT divisions/<d>/ledger-mapping}: replaces the mapping (compare-and-swap) and answers its check. */
    public HttpResponseEvent replace(String tenant, String divisionText, LedgerMappingBody body) {
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
            return answers.error(400, "validation", String.join("; ", problems));
        }
        return withTarget(tenant, divisionText, target -> {
            LedgerMapping mapping = new LedgerMapping(body.salesJournal().strip(), body.revenueAccounts(),
                    body.vatCodes(), blankToNull(body.defaultRevenueAccount()),
                    blankToNull(body.defaultPaymentCondition()));
            long expected = body.version() == null ? 0 : body.version();
            Optional<LedgerMappingRecord> saved = mappings.save(tenant, target.division(), mapping, expected);
            if (saved.isEmpty()) {
                return answers.error(409, "conflict", "the mapping changed since version " + expected
                        + "; read it again and re-apply the edit");
            }
            int due = retryGapsNow(tenant, target.division());
            if (due > 0) {
                LOG.infof("ledger mapping of tenant %s division %d replaced: %d waiting events due now", tenant,
                        target.division(), due);
            }
            return answers.json(200, view(target, saved));
        });
    }

    /**
     * Why the tenant cannot go live yet: a 409 listing, per selected division with a stored ledger mapping, the
     * findings that would make bookings fail. Empty when nothing blocks (a division without a mapping does not block:
     * a tenant may sync relations and projects only; its invoices are refused one by one until it is mapped).
     */
    public Optional<HttpResponseEvent> goLiveBlock(String tenant) {
        Optional<ConnectionRecord> connection = connections.find(tenant);
        if (connection.isEmpty() || connection.get().status() != ConnectionStatus.ACTIVE) {
            return Optional.empty();
        }
        List<LedgerMappingView> blocking = new ArrayList<>();
        try {
            for (int division : connection.get().divisions()) {
                Optional<LedgerMappingRecord> stored = mappings.find(tenant, division);
                if (stored.isPresent()) {
                    LedgerMappingView view = view(new ExactTarget(connection.get().tokenKey(), division), stored);
                    if (!view.ready()) {
                        blocking.add(view);
                    }
                }
            }
        } catch (ExactException exact) {
            return Optional.of(answers.error(502, "exact", "Exact could not be read to check the ledger mappings: "
                    + exact.getClass().getSimpleName()));
        }
        return blocking.isEmpty() ? Optional.empty()
                : Optional.of(answers.json(409, Map.of("error", "mapping-errors", "message",
                        "fix the ledger mapping of these divisions before going live", "divisions", blocking)));
    }

    /**
     * Makes the tenant's events that wait on a gap in this division's ledger mapping due now, so the next replay
     * books them (or, if the new mapping still lacks something, parks them again with the new reason). The replay
     * does the booking, not this request: an admin answer never waits on Exact calls for other events.
     */
    private int retryGapsNow(String tenant, int division) {
        int due = 0;
        for (EventRecord waiting : events.findByStatus(tenant, EventStatus.WAITING, MAX_WAITING_SCANNED)) {
            if (LedgerMappingGaps.concerns(waiting.reason(), division) && events.retryWaitingAt(tenant,
                    waiting.eventId(), waiting.version(), clock.instant()).isPresent()) {
                due++;
            }
        }
        return due;
    }

    private LedgerMappingView view(ExactTarget target, Optional<LedgerMappingRecord> stored) {
        return LedgerMappingView.checked(target.division(), stored, masterData.reload(target).data());
    }

    private HttpResponseEvent withTarget(String tenant, String divisionText,
            java.util.function.Function<ExactTarget, HttpResponseEvent> work) {
        int division;
        try {
            division = Integer.parseInt(divisionText);
        } catch (NumberFormatException notANumber) {
            return answers.error(400, "validation", "division must be a division number");
        }
        Optional<ConnectionRecord> connection = connections.find(tenant);
        if (connection.isEmpty() || connection.get().status() != ConnectionStatus.ACTIVE) {
            return answers.error(409, "not-connected", "the tenant has no usable Exact connection; connect first");
        }
        if (!connection.get().divisions().contains(division)) {
            return answers.error(404, "not-found", "division " + division + " is not selected for this tenant");
        }
        try {
            return work.apply(new ExactTarget(connection.get().tokenKey(), division));
        } catch (ExactException exact) {
            return answers.error(502, "exact", "Exact could not be read: " + exact.getClass().getSimpleName());
        }
    }

    private static List<String> problems(LedgerMappingBody body) {
        List<String> problems = new ArrayList<>();
        if (body.salesJournal() == null || body.salesJournal().isBlank()) {
            problems.add("salesJournal is required");
        }
        if (body.revenueAccounts() == null) {
            problems.add("revenueAccounts is required (an object, may be empty with a defaultRevenueAccount)");
        }
        if (body.vatCodes() == null) {
            problems.add("vatCodes is required");
        } else {
            for (Map.Entry<String, String> entry : body.vatCodes().entrySet()) {
                try {
                    VatKey.parse(entry.getKey());
                } catch (RuntimeException malformed) {
                    problems.add("vatCodes key " + entry.getKey() + " must be <vatCategory>|<rate>, e.g. standard|21");
                }
                if (entry.getValue() == null || entry.getValue().isBlank()) {
                    problems.add("vatCodes." + entry.getKey() + " needs a VAT code");
                }
            }
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
