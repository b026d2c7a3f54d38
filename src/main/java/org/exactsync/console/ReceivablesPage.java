package org.exactsync.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactException;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;

/**
 * Receivables and payment behaviour: open amount, overdue part, ageing and average days to pay per customer and
 * division, with a server-rendered SVG chart of the ageing and a CSV download of the same rows.
 */
@ApplicationScoped
class ReceivablesPage implements ConsolePage {

    static final String[] BUCKETS = {"0-30", "31-60", "61-90", "90+"};

    private final ReceivablesRows receivables;
    private final ConnectionStore connections;

    ReceivablesPage(ReceivablesRows receivables, ConnectionStore connections) {
        this.receivables = receivables;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "receivables";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        ConsoleTexts.Texts t = page.t();
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> division = DivisionChoice.of(page, connection);
        if (division.isEmpty()) {
            return page.render(200, "nav.receivables", Html.notice("info", t.get("division.noneSelected")));
        }
        String after = page.request().query("after").orElse(null);
        ReceivablesRows.Rows rows;
        try {
            rows = receivables.read(page.tenant(), division.get(), after);
        } catch (ExactException unreachable) {
            return page.render(502, "nav.receivables", Html.notice("error", t.get("error.exact")));
        }
        String query = "division=" + division.get() + (after == null ? "" : "&amp;after=" + Html.esc(Html.q(after)));
        StringBuilder body = new StringBuilder(DivisionChoice.picker(page, connection, division.get()))
                .append("<p id=\"total-open\">").append(Html.esc(t.fmt("receivables.total", rows.totalOpen())))
                .append("</p>").append(chart(t, rows.ageing()))
                .append("<p><a href=\"receivables.csv?").append(query).append("\" id=\"csv\" download>")
                .append(Html.esc(t.get("receivables.csv"))).append("</a></p>")
                .append("<table id=\"receivables\"><caption>").append(Html.esc(t.fmt("receivables.caption",
                        division.get()))).append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.esc(t.get("receivables.customer"))).append("</th><th scope=\"col\">")
                .append(Html.esc(t.get("receivables.debtor"))).append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.esc(t.get("receivables.open"))).append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.esc(t.get("receivables.overdue"))).append("</th>");
        for (String bucket : BUCKETS) {
            body.append("<th scope=\"col\" class=\"num\">").append(Html.esc(t.fmt("receivables.days", bucket)))
                    .append("</th>");
        }
        body.append("<th scope=\"col\" class=\"num\">").append(Html.esc(t.get("receivables.avg")))
                .append("</th></tr></thead><tbody>");
        for (ReceivablesRows.Row row : rows.rows()) {
            var r = row.receivables();
            body.append("<tr><th scope=\"row\">").append(Html.esc(row.relationId())).append("</th><td>")
                    .append(Html.esc(row.debtor())).append("</td><td class=\"num\">").append(Html.esc(r.totalOpen()))
                    .append("</td><td class=\"num\">").append(Html.esc(r.overdue())).append("</td><td class=\"num\">")
                    .append(Html.esc(r.ageing().days0to30())).append("</td><td class=\"num\">")
                    .append(Html.esc(r.ageing().days31to60())).append("</td><td class=\"num\">")
                    .append(Html.esc(r.ageing().days61to90())).append("</td><td class=\"num\">")
                    .append(Html.esc(r.ageing().over90())).append("</td><td class=\"num\">")
                    .append(Html.esc(r.averageDaysToPay() == null ? "–" : r.averageDaysToPay())).append("</td></tr>");
        }
        body.append("</tbody></table>");
        if (rows.next() != null) {
            body.append("<p><a href=\"receivables?division=").append(division.get()).append("&amp;after=")
                    .append(Html.esc(Html.q(rows.next()))).append("\">").append(Html.esc(t.get("sync.next")))
                    .append("</a></p>");
        }
        return page.render(200, "nav.receivables", body.toString());
    }

    /** A bar per ageing bucket, its amount written on it; the description lists the totals for screen readers. */
    static String chart(ConsoleTexts.Texts t, BigDecimal[] ageing) {
        int width = 480;
        int height = 220;
        int top = 24;
        int base = 180;
        BigDecimal max = BigDecimal.ONE;
        for (BigDecimal amount : ageing) {
            max = amount.max(max);
        }
        StringBuilder desc = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        for (int i = 0; i < ageing.length; i++) {
            BigDecimal amount = ageing[i].max(BigDecimal.ZERO);
            int h = amount.multiply(BigDecimal.valueOf(base - top)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            int x = 40 + i * 110;
            String label = t.fmt("receivables.days", BUCKETS[i]);
            desc.append(label).append(": ").append(ageing[i].toPlainString()).append(". ");
            bars.append("<g class=\"bar\" data-bucket=\"").append(BUCKETS[i]).append("\" data-amount=\"")
                    .append(ageing[i].toPlainString()).append("\"><rect x=\"").append(x).append("\" y=\"")
                    .append(base - h).append("\" width=\"70\" height=\"").append(h).append("\" fill=\"#1f5f99\"/>")
                    .append("<text x=\"").append(x + 35).append("\" y=\"").append(base - h - 6)
                    .append("\" text-anchor=\"middle\" fill=\"#111\">").append(Html.esc(ageing[i].toPlainString()))
                    .append("</text><text x=\"").append(x + 35).append("\" y=\"").append(base + 20)
                    .append("\" text-anchor=\"middle\" fill=\"#111\">").append(Html.esc(label)).append("</text></g>");
        }
        return "<figure><svg id=\"ageing-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " "
                + height + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-labelledby=\""
                + "chart-title chart-desc\"><title id=\"chart-title\">" + Html.esc(t.get("receivables.chart"))
                + "</title><desc id=\"chart-desc\">" + Html.esc(desc.toString().trim()) + "</desc>"
                + "<line x1=\"30\" y1=\"" + base + "\" x2=\"" + (width - 10) + "\" y2=\"" + base
                + "\" stroke=\"#111\"/>" + bars + "</svg><figcaption>" + Html.esc(t.get("receivables.chart"))
                + "</figcaption></figure>";
    }
}
