package org.exactsync.flow.payment.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.Receivable;
import org.exactsync.mapping.Money;
import org.exactsync.mapping.PaymentStatusRule;
import org.exactsync.mapping.ReceivableItem;
import org.exactsync.mapping.ReceivablesAgeing;
import org.exactsync.mapping.ReceivablesSummary;
import org.exactsync.mapping.SettledReceivable;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingStore;

/**
 * Builds a relation's open-receivables report from Exact's {@code cashflow/Receivables} (docs/exact-reference.md §5.13):
 * per division where the relation is synced, one read of its open terms and one of the terms it paid in full in the
 * last 365 days (60 rows per call). Live from Exact rather than from the connector's own records, because a customer's
 * open items include invoices a bookkeeper entered in Exact directly.
 */
@ApplicationScoped
public class ReceivablesReportService {

    private static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int AVERAGE_OVER_DAYS = 365;

    private final ConnectionStore connections;
    private final MappingStore mappings;
    private final ExactOnline exact;
    private final Clock clock;

    public ReceivablesReportService(ConnectionStore connections, MappingStore mappings, ExactOnline exact,
            Clock clock) {
        this.connections = connections;
        this.mappings = mappings;
        this.exact = exact;
        this.clock = clock;
    }

    /** The report, or empty when the tenant has no Exact connection. */
    public Optional<ReceivablesReport> report(String tenant, String relationId) {
        Optional<ConnectionRecord> connection = connections.find(tenant);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), EXACT_ZONE);
        List<DivisionReceivables> divisions = new ArrayList<>();
        for (int division : connection.get().divisions()) {
            Optional<UUID> account = mappings.find(new MappingKey(tenant, division, EntityKind.RELATION, relationId))
                    .map(m -> m.exactId()).filter(id -> id != null).map(UUID::fromString);
            if (account.isPresent()) {
                ExactTarget target = new ExactTarget(connection.get().tokenKey(), division);
                divisions.add(divisionReport(target, account.get(), today));
            }
        }
        return Optional.of(new ReceivablesReport(relationId, today.toString(), divisions));
    }

    private DivisionReceivables divisionReport(ExactTarget target, UUID account, LocalDate today) {
        List<ReceivableItem> open = exact.openReceivables(target, account).stream()
                .map(ReceivablesReportService::openItem)
                .toList();
        List<SettledReceivable> settled = exact.receivablesPaidSince(target, account,
                        today.minusDays(AVERAGE_OVER_DAYS)).stream()
                .filter(paid -> signum(paid.transactionAmountDc()) >= 0)
                .map(paid -> new SettledReceivable(paid.invoiceDate(), paid.lastPaymentDate()))
                .toList();
        ReceivablesSummary summary = ReceivablesAgeing.summarise(open, settled, today);
        return new DivisionReceivables(target.division(), Money.text(summary.totalOpen()),
                Money.text(summary.overdue()), new DivisionReceivables.Ageing(Money.text(summary.days0to30()),
                        Money.text(summary.days31to60()), Money.text(summary.days61to90()),
                        Money.text(summary.over90())), summary.openItems(),
                summary.averageDaysToPay() == null ? null : summary.averageDaysToPay().toPlainString());
    }

    /** Open amount signed as the document: owed for an invoice, negative for a credit note, whatever Exact's sign. */
    private static ReceivableItem openItem(Receivable item) {
        BigDecimal open = PaymentStatusRule.openOf(item.amountDc(), item.fullyPaid());
        BigDecimal signed = signum(item.transactionAmountDc()) < 0 ? open.negate() : open;
        return new ReceivableItem(signed, item.invoiceDate(), item.dueDate());
    }

    private static int signum(BigDecimal value) {
        return value == null ? 0 : value.signum();
    }
}
