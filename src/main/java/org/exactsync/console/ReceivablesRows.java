package org.exactsync.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.flow.payment.report.DivisionReceivables;
import org.exactsync.flow.payment.report.ReceivablesReport;
import org.exactsync.flow.payment.report.ReceivablesReportService;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingPage;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * The receivables of one page of a division's customers (relations synced there, in CRM id order), each read live
 * from Exact by the receivables report service, one row per customer and division: what the page, its chart and
 * its CSV show.
 */
@ApplicationScoped
class ReceivablesRows {

    /** Customers per page: each costs two Exact reads per division it is synced to. */
    static final int CUSTOMERS = 20;

    private final MappingStore mappings;
    private final ReceivablesReportService reports;

    ReceivablesRows(MappingStore mappings, ReceivablesReportService reports) {
        this.mappings = mappings;
        this.reports = reports;
    }

    /** One customer in one division. */
    record Row(String relationId, String debtor, DivisionReceivables receivables) {
    }

    /** The rows and the relation id the next page starts after (null on the last page). */
    record Rows(List<Row> rows, String next) {

        /** Sums of the ageing buckets over all rows: 0-30, 31-60, 61-90, 90+. */
        BigDecimal[] ageing() {
            BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            for (Row row : rows) {
                DivisionReceivables.Ageing a = row.receivables().ageing();
                sums[0] = sums[0].add(new BigDecimal(a.days0to30()));
                sums[1] = sums[1].add(new BigDecimal(a.days31to60()));
                sums[2] = sums[2].add(new BigDecimal(a.days61to90()));
                sums[3] = sums[3].add(new BigDecimal(a.over90()));
            }
            return sums;
        }

        BigDecimal totalOpen() {
            return rows.stream().map(r -> new BigDecimal(r.receivables().totalOpen())).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }
    }

    Rows read(String tenant, int division, String after) {
        MappingPage customers = mappings.page(tenant, division, EntityKind.RELATION, after, CUSTOMERS);
        List<Row> rows = new ArrayList<>();
        for (MappingRecord customer : customers.records()) {
            Optional<ReceivablesReport> report = reports.report(tenant, customer.key().crmId());
            report.ifPresent(r -> r.divisions().stream().filter(d -> d.division() == division)
                    .forEach(d -> rows.add(new Row(customer.key().crmId(), customer.exactCode(), d))));
        }
        return new Rows(rows, customers.next());
    }
}
