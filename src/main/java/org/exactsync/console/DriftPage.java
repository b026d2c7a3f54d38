package org.exactsync.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.reconcile.ReconciliationAdmin;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;

/**
 * Drift: the reconciliation report of a division and period (what differs between what the connector booked and
 * sent and what Exact holds now). Runs only when asked (it reads Exact); the form itself costs nothing.
 */
@ApplicationScoped
class DriftPage implements ConsolePage {

    private static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final ReconciliationAdmin reconciliation;
    private final ConnectionStore connections;
    private final AdminAnswers answers;
    private final Clock clock;

    DriftPage(ReconciliationAdmin reconciliation, ConnectionStore connections, AdminAnswers answers, Clock clock) {
        this.reconciliation = reconciliation;
        this.connections = connections;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        ConsoleTexts.Texts t = page.t();
        ConsoleRequest request = page.request();
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> division = DivisionChoice.of(page, connection);
        LocalDate today = LocalDate.ofInstant(clock.instant(), EXACT_ZONE);
        String from = request.query("from").orElse(today.withDayOfMonth(1).toString());
        String to = request.query("to").orElse(today.toString());
        StringBuilder body = new StringBuilder("<p>").append(Html.esc(t.get("drift.help"))).append("</p>")
                .append("<form method=\"get\" action=\"drift\" class=\"inline\"><div class=\"field\">")
                .append("<label for=\"division\">").append(Html.esc(t.get("test.division")))
                .append("</label><select id=\"division\" name=\"division\">");
        for (int d : connection.map(ConnectionRecord::divisions).orElse(List.of())) {
            body.append("<option value=\"").append(d).append('"')
                    .append(division.isPresent() && division.get() == d ? " selected" : "").append('>').append(d)
                    .append("</option>");
        }
        body.append("</select></div><div class=\"field\"><label for=\"from\">").append(Html.esc(t.get("drift.from")))
                .append("</label><input type=\"date\" id=\"from\" name=\"from\" value=\"").append(Html.esc(from))
                .append("\"></div><div class=\"field\"><label for=\"to\">").append(Html.esc(t.get("drift.to")))
                .append("</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").append(Html.esc(to))
                .append("\"></div><input type=\"hidden\" name=\"run\" value=\"1\"><button type=\"submit\""
                        + " id=\"run-drift\">").append(Html.esc(t.get("drift.run"))).append("</button></form>");
        int status = 200;
        if (request.query("run").isPresent() && division.isPresent()) {
            HttpResponseEvent answer = reconciliation.report(page.tenant(), Optional.of(String.valueOf(
                    division.get())), Optional.of(from), Optional.of(to));
            status = answer.statusCode();
            body.append(answer.statusCode() == 200 ? report(t, answers.body(answer))
                    : Html.notice("error", answers.message(answer)));
        }
        return page.render(status, "nav.drift", body.toString());
    }

    private static String report(ConsoleTexts.Texts t, JsonNode report) {
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"drift-title\"><h2 id=\"drift-title\">")
                .append(Html.esc(t.fmt("drift.result", report.path("division").asInt(), report.path("from").asText(),
                        report.path("to").asText()))).append("</h2><p id=\"drift-counts\">")
                .append(Html.esc(t.fmt("drift.counts", report.path("invoicesChecked").asInt(),
                        report.path("invoiceFindings").asInt(), report.path("relationsChecked").asInt(),
                        report.path("relationFindings").asInt()))).append("</p>");
        if (report.path("invoices").isEmpty() && report.path("relations").isEmpty()) {
            html.append(Html.notice("ok", t.get("drift.clean")));
        }
        table(html, t.get("drift.invoices"), report.path("invoices"));
        table(html, t.get("drift.relations"), report.path("relations"));
        return html.append("</section>").toString();
    }

    /** The findings as a table with one column per field of the report's own rows. */
    private static void table(StringBuilder html, String caption, JsonNode rows) {
        if (rows.isEmpty()) {
            return;
        }
        html.append("<table><caption>").append(Html.esc(caption)).append("</caption><thead><tr>");
        rows.get(0).fieldNames().forEachRemaining(name -> html.append("<th scope=\"col\">").append(Html.esc(name))
                .append("</th>"));
        html.append("</tr></thead><tbody>");
        for (JsonNode row : rows) {
            html.append("<tr>");
            row.fields().forEachRemaining(field -> html.append("<td>").append(Html.esc(field.getValue().isValueNode()
                    ? field.getValue().asText() : field.getValue().toString())).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }
}
