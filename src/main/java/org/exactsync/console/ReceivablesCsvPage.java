package org.exactsync.console;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactException;
import org.exactsync.store.ConnectionStore;

/** {@code receivables.csv}: the receivables page's rows as CSV (comma separated, decimal points, UTF-8). */
@ApplicationScoped
class ReceivablesCsvPage implements ConsolePage {

    private final ReceivablesRows receivables;
    private final ConnectionStore connections;

    ReceivablesCsvPage(ReceivablesRows receivables, ConnectionStore connections) {
        this.receivables = receivables;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "receivables.csv";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        Optional<Integer> division = DivisionChoice.of(page, connections.find(page.tenant()));
        if (division.isEmpty()) {
            return page.render(404, "nav.receivables", Html.notice("error", page.t().get("division.noneSelected")));
        }
        ReceivablesRows.Rows rows;
        try {
            rows = receivables.read(page.tenant(), division.get(), page.request().query("after").orElse(null));
        } catch (ExactException unreachable) {
            return page.render(502, "nav.receivables", Html.notice("error", page.t().get("error.exact")));
        }
        StringBuilder csv = new StringBuilder("relationId,debtor,division,totalOpen,overdue,days0to30,days31to60,"
                + "days61to90,over90,openItems,averageDaysToPay\r\n");
        for (ReceivablesRows.Row row : rows.rows()) {
            var r = row.receivables();
            csv.append(cell(row.relationId())).append(',').append(cell(row.debtor())).append(',')
                    .append(r.division()).append(',').append(r.totalOpen()).append(',').append(r.overdue())
                    .append(',').append(r.ageing().days0to30()).append(',').append(r.ageing().days31to60())
                    .append(',').append(r.ageing().days61to90()).append(',').append(r.ageing().over90()).append(',')
                    .append(r.openItems()).append(',')
                    .append(r.averageDaysToPay() == null ? "" : r.averageDaysToPay()).append("\r\n");
        }
        return new HttpResponseEvent(200, Map.of("Content-Type", "text/csv; charset=utf-8",
                "Content-Disposition", "attachment; filename=\"receivables-" + division.get() + ".csv\"",
                "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"), csv.toString());
    }

    /** A text cell, quoted when it holds a separator or quote; a leading formula character is defused. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
