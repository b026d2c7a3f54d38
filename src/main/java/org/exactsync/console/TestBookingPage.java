package org.exactsync.console;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.invoice.BookingResult;
import org.exactsync.flow.invoice.InvoiceBooking;
import org.exactsync.flow.invoice.InvoicePostingHandler;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryLineDraft;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.validation.Problem;

/**
 * Test booking: a pasted CRM invoice (the {@code data} of an {@code invoice.created} event) checked like a delivery
 * and planned in dry run by the invoice flow itself: the entry that would be posted, or why it would wait or be
 * refused. Nothing is stored and nothing is posted.
 */
@ApplicationScoped
class TestBookingPage implements ConsolePage {

    /** The event id the dry run plans under; a dry run claims nothing, so it is never stored. */
    private static final String TEST_EVENT = "console-test-booking";

    private final InvoicePostingHandler invoices;
    private final InvoiceBooking booking;
    private final ConnectionStore connections;
    private final AdminAnswers answers;

    TestBookingPage(InvoicePostingHandler invoices, InvoiceBooking booking, ConnectionStore connections,
            AdminAnswers answers) {
        this.invoices = invoices;
        this.booking = booking;
        this.connections = connections;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "test-booking";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "", "");
    }

    @Override
    public HttpResponseEvent post(PageContext page) {
        ConsoleTexts.Texts t = page.t();
        String pasted = page.request().field("invoice").orElse("");
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> division = DivisionChoice.of(page, connection);
        if (division.isEmpty()) {
            return show(page, 400, pasted, Html.notice("error", t.get("division.noneSelected")));
        }
        JsonNode data;
        try {
            data = answers.mapper().readTree(pasted);
        } catch (IOException notJson) {
            return show(page, 400, pasted, Html.notice("error", t.get("test.notjson")));
        }
        if (data == null || !data.isObject()) {
            return show(page, 400, pasted, Html.notice("error", t.get("test.notjson")));
        }
        List<Problem> problems = invoices.validate(data);
        if (!problems.isEmpty()) {
            StringBuilder list = new StringBuilder(Html.notice("error", t.get("test.problems")))
                    .append("<ul class=\"problems\">");
            problems.forEach(p -> list.append("<li><code>data.").append(Html.esc(p.field())).append("</code>: ")
                    .append(Html.esc(p.message())).append("</li>"));
            return show(page, 400, pasted, list.append("</ul>").toString());
        }
        Outcome outcome;
        try {
            InvoiceCreated invoice = answers.mapper().treeToValue(data, InvoiceCreated.class);
            outcome = booking.book(new ExactTarget(connection.get().tokenKey(), division.get()), TEST_EVENT,
                    invoice, true);
        } catch (IOException unbound) {
            return show(page, 400, pasted, Html.notice("error", t.get("test.notjson")));
        } catch (ExactException unreachable) {
            return show(page, 502, pasted, Html.notice("error", t.get("error.exact")));
        }
        return show(page, 200, pasted, result(t, outcome));
    }

    private static String result(ConsoleTexts.Texts t, Outcome outcome) {
        if (outcome instanceof Outcome.ConfigurationGap gap) {
            return Html.notice("error", t.fmt("test.gap", gap.reason()));
        }
        if (outcome instanceof Outcome.Waiting waiting) {
            return Html.notice("info", t.fmt("test.waiting", waiting.reason()));
        }
        if (outcome instanceof Outcome.Failed failed) {
            return Html.notice("error", t.fmt("test.failed", failed.reason()));
        }
        StringBuilder html = new StringBuilder();
        for (Object item : (List<?>) ((Outcome.Done) outcome).results()) {
            BookingResult result = (BookingResult) item;
            if (result.entryNumber() != null) {
                html.append(Html.notice("info", t.fmt("test.booked", result.entryNumber())));
                continue;
            }
            html.append(Html.notice("ok", t.fmt("test.would", result.division())));
            if (result.waitsFor() != null) {
                html.append(Html.notice("info", t.fmt("test.waitsfor", result.waitsFor())));
            }
            SalesEntryDraft draft = result.wouldPost();
            if (draft == null) {
                continue;
            }
            html.append("<dl class=\"facts\" id=\"entry\">");
            ConnectionPage.fact(html, t.get("test.journal"), Html.esc(draft.journal()));
            ConnectionPage.fact(html, t.get("test.date"), Html.esc(draft.entryDate()));
            ConnectionPage.fact(html, t.get("test.period"), Html.esc(draft.reportingYear() + "/"
                    + draft.reportingPeriod()));
            ConnectionPage.fact(html, t.get("test.ref"), Html.esc(draft.yourRef()));
            ConnectionPage.fact(html, t.get("test.total"), Html.esc(result.totalInclVat() + " " + draft.currency()));
            html.append("</dl><table id=\"entry-lines\"><caption>").append(Html.esc(t.get("test.lines")))
                    .append("</caption><thead><tr><th scope=\"col\">").append(Html.esc(t.get("ledger.glAccount")))
                    .append("</th><th scope=\"col\">").append(Html.esc(t.get("test.description")))
                    .append("</th><th scope=\"col\" class=\"num\">").append(Html.esc(t.get("test.amount")))
                    .append("</th><th scope=\"col\">").append(Html.esc(t.get("ledger.vatCode")))
                    .append("</th><th scope=\"col\" class=\"num\">").append(Html.esc(t.get("test.vat")))
                    .append("</th></tr></thead><tbody>");
            for (SalesEntryLineDraft line : draft.lines()) {
                html.append("<tr><td>").append(Html.esc(line.glAccountCode())).append("</td><td>")
                        .append(Html.esc(line.description())).append("</td><td class=\"num\">")
                        .append(Html.esc(line.amount())).append("</td><td>").append(Html.esc(line.vatCode()))
                        .append("</td><td class=\"num\">").append(Html.esc(line.vatAmount())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        return html.toString();
    }

    private HttpResponseEvent show(PageContext page, int status, String pasted, String result) {
        ConsoleTexts.Texts t = page.t();
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        StringBuilder body = new StringBuilder("<p>").append(Html.esc(t.get("test.help"))).append("</p>")
                .append("<form method=\"post\" action=\"test-booking\">").append(page.csrf())
                .append("<div class=\"field\"><label for=\"division\">").append(Html.esc(t.get("test.division")))
                .append("</label><select id=\"division\" name=\"division\">");
        Optional<Integer> shown = DivisionChoice.of(page, connection);
        for (int division : connection.map(ConnectionRecord::divisions).orElse(List.of())) {
            body.append("<option value=\"").append(division).append('"')
                    .append(shown.isPresent() && shown.get() == division ? " selected" : "").append('>')
                    .append(division).append("</option>");
        }
        body.append("</select></div><div class=\"field\"><label for=\"invoice\">")
                .append(Html.esc(t.get("test.invoice"))).append("</label><textarea id=\"invoice\" name=\"invoice\""
                        + " rows=\"14\" spellcheck=\"false\">").append(Html.esc(pasted)).append("</textarea></div>")
                .append("<button type=\"submit\" id=\"dry-run\">").append(Html.esc(t.get("test.button")))
                .append("</button></form>");
        if (!result.isEmpty()) {
            body.append("<section aria-labelledby=\"result-title\"><h2 id=\"result-title\">")
                    .append(Html.esc(t.get("test.result"))).append("</h2>").append(result).append("</section>");
        }
        return page.render(status, "nav.test", body.toString());
    }
}
