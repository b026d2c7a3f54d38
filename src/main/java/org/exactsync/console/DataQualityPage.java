package org.exactsync.console;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.onboarding.ChoiceRequest;
import org.exactsync.flow.onboarding.Finding;
import org.exactsync.flow.onboarding.IndexRequest;
import org.exactsync.flow.onboarding.OnboardingAdmin;
import org.exactsync.flow.onboarding.OnboardingReport;
import org.exactsync.flow.onboarding.OnboardingService;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SeenRelation;

/**
 * Data quality of one division before go-live (the onboarding report, docs/onboarding.md): how the CRM relations
 * match Exact's accounts, every finding with what to do (a page of {@link #PAGE} at a time), the CSV of all of them,
 * the button that builds or refreshes the account index, and the operator's choice for an ambiguous relation. The
 * report reads the stores only (0 Exact calls); building the index reads Exact and may need several presses.
 */
@ApplicationScoped
class DataQualityPage implements ConsolePage {

    /** Findings per page: a division of 10,000 relations may have hundreds. */
    static final int PAGE = 50;

    private final OnboardingService onboarding;
    private final OnboardingAdmin admin;
    private final ConnectionStore connections;
    private final AdminAnswers answers;

    DataQualityPage(OnboardingService onboarding, OnboardingAdmin admin, ConnectionStore connections,
            AdminAnswers answers) {
        this.onboarding = onboarding;
        this.admin = admin;
        this.connections = connections;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "data-quality";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "", false);
    }

    @Override
    public HttpResponseEvent post(PageContext page) {
        Optional<Integer> division = DivisionChoice.of(page, connections.find(page.tenant()));
        if (division.isEmpty()) {
            return page.render(400, "nav.quality", Html.notice("error", page.t().get("division.noneSelected")));
        }
        String action = page.request().field("action").orElse("");
        return switch (action) {
            case "index" -> index(page, division.get());
            case "choose" -> choose(page, division.get());
            default -> show(page, 400, Html.notice("error", page.t().get("error.method")), false);
        };
    }

    private HttpResponseEvent index(PageContext page, int division) {
        ConsoleTexts.Texts t = page.t();
        boolean rebuild = page.request().field("rebuild").isPresent();
        HttpResponseEvent answer = admin.index(page.tenant(), String.valueOf(division), new IndexRequest(division,
                rebuild));
        if (answer.statusCode() != 200) {
            return show(page, answer.statusCode(), Html.notice("error", t.get("quality.index.failed") + " "
                    + answers.message(answer)), false);
        }
        JsonNode run = answers.body(answer);
        boolean complete = run.path("complete").asBoolean(false);
        // A build reads for a limited time per request and goes on from where it stopped: say so, and offer more.
        String notice = complete
                ? Html.notice("ok", t.fmt("quality.index.done", run.path("accountsRead").asLong(),
                        run.path("accounts").asLong()))
                : Html.notice("info", t.fmt("quality.index.partial", run.path("accountsRead").asLong()));
        return show(page, 200, notice, !complete);
    }

    private HttpResponseEvent choose(PageContext page, int division) {
        ConsoleTexts.Texts t = page.t();
        String relation = page.request().field("relationId").orElse("");
        String choice = page.request().field("choice").orElse("").strip();
        boolean createNew = SeenRelation.CREATE_NEW.equals(choice);
        HttpResponseEvent answer = admin.choose(page.tenant(), String.valueOf(division), relation,
                new ChoiceRequest(relation, createNew || choice.isEmpty() ? null : choice, createNew ? true : null));
        if (answer.statusCode() != 200) {
            return show(page, answer.statusCode(), Html.notice("error", t.fmt("quality.choice.refused", relation)
                    + " " + answers.message(answer)), false);
        }
        return show(page, 200, Html.notice("ok", createNew ? t.fmt("quality.choice.createNew", relation)
                : t.fmt("quality.choice.account", relation, choice)), false);
    }

    private HttpResponseEvent show(PageContext page, int status, String notice, boolean buildUnfinished) {
        ConsoleTexts.Texts t = page.t();
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> chosen = DivisionChoice.of(page, connection);
        if (chosen.isEmpty()) {
            return page.render(status, "nav.quality", notice
                    + Html.notice("info", t.get("division.noneSelected")));
        }
        int division = chosen.get();
        OnboardingReport report = onboarding.report(page.tenant(), division);
        StringBuilder body = new StringBuilder(DivisionChoice.picker(page, connection, division)).append(notice)
                .append("<p>").append(Html.esc(t.get("quality.help"))).append("</p>");
        indexSection(page, body, report, division, buildUnfinished);
        body.append("<table id=\"quality-counts\"><caption>").append(Html.esc(t.get("quality.counts")))
                .append("</caption><tbody>");
        row(body, t.get("quality.relations"), report.relations(), "relations");
        row(body, t.get("quality.matched"), report.matched(), "matched");
        row(body, t.get("quality.toBeCreated"), report.toBeCreated(), "to-be-created");
        row(body, t.get("quality.ambiguous"), report.ambiguous(), "ambiguous");
        body.append("</tbody></table><p><a id=\"quality-csv\" href=\"data-quality.csv?division=").append(division)
                .append("\" download>").append(Html.esc(t.get("quality.csv"))).append("</a></p>");
        findings(page, body, report, division);
        return page.render(status, "nav.quality", body.toString());
    }

    private static void indexSection(PageContext page, StringBuilder body, OnboardingReport report, int division,
            boolean buildUnfinished) {
        ConsoleTexts.Texts t = page.t();
        body.append("<section aria-labelledby=\"index-title\"><h2 id=\"index-title\">")
                .append(Html.esc(t.get("quality.index"))).append("</h2><p id=\"index-state\">")
                .append(Html.esc(report.indexRefreshedAt() == null ? t.get("quality.index.none")
                        : t.fmt("quality.index.state", report.accounts(), report.indexRefreshedAt())))
                .append("</p><form method=\"post\" action=\"data-quality\" class=\"inline\">").append(page.csrf())
                .append("<input type=\"hidden\" name=\"action\" value=\"index\"><input type=\"hidden\""
                        + " name=\"division\" value=\"").append(division).append("\"><div class=\"field check\">"
                        + "<input type=\"checkbox\" id=\"rebuild\" name=\"rebuild\" value=\"1\"><label for=\"rebuild\">")
                .append(Html.esc(t.get("quality.index.rebuild"))).append("</label></div><button type=\"submit\""
                        + " id=\"build-index\">").append(Html.esc(t.get(buildUnfinished ? "quality.index.continue"
                                : report.indexRefreshedAt() == null ? "quality.index.build"
                                        : "quality.index.refresh"))).append("</button></form></section>");
    }

    private static void row(StringBuilder body, String label, long count, String id) {
        body.append("<tr><th scope=\"row\">").append(Html.esc(label)).append("</th><td id=\"count-").append(id)
                .append("\">").append(count).append("</td></tr>");
    }

    /** One page of findings; an ambiguous relation gets a form for the operator's choice. */
    private static void findings(PageContext page, StringBuilder body, OnboardingReport report, int division) {
        ConsoleTexts.Texts t = page.t();
        List<Finding> all = report.findings();
        body.append("<section aria-labelledby=\"findings-title\"><h2 id=\"findings-title\">")
                .append(Html.esc(t.fmt("quality.findings", all.size()))).append("</h2>");
        if (all.isEmpty()) {
            body.append(Html.notice("ok", t.get("quality.findings.none"))).append("</section>");
            return;
        }
        int from = offset(page, all.size());
        int to = Math.min(all.size(), from + PAGE);
        body.append("<table id=\"quality-findings\"><caption>").append(Html.esc(t.fmt("quality.findings.page",
                from + 1, to, all.size()))).append("</caption><thead><tr>");
        for (String column : List.of("quality.col.kind", "quality.col.relation", "quality.col.accounts",
                "quality.col.detail", "quality.col.action")) {
            body.append("<th scope=\"col\">").append(Html.esc(t.get(column))).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (int i = from; i < to; i++) {
            Finding finding = all.get(i);
            body.append("<tr data-kind=\"").append(finding.kind()).append("\" data-relation=\"")
                    .append(Html.esc(finding.crmRelation())).append("\"><td>")
                    .append(Html.esc(t.get("quality.kind." + finding.kind()))).append("</td><td>")
                    .append(Html.esc(finding.crmRelation() == null ? "—" : finding.crmRelation())).append("</td><td>")
                    .append(Html.esc(finding.accounts().isEmpty() ? "—" : String.join(", ", finding.accounts())))
                    .append("</td><td>").append(Html.esc(finding.detail())).append("</td><td>")
                    .append(Html.esc(t.get("quality.action." + finding.kind())));
            if (finding.kind() == Finding.Kind.AMBIGUOUS_MATCH && finding.crmRelation() != null) {
                choiceForm(page, body, finding, division, i);
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table>");
        pager(page, body, division, from, to, all.size());
        body.append("</section>");
    }

    private static void choiceForm(PageContext page, StringBuilder body, Finding finding, int division, int row) {
        ConsoleTexts.Texts t = page.t();
        body.append("<form method=\"post\" action=\"data-quality\" class=\"choice\">").append(page.csrf())
                .append("<input type=\"hidden\" name=\"action\" value=\"choose\"><input type=\"hidden\""
                        + " name=\"division\" value=\"").append(division).append("\"><input type=\"hidden\""
                        + " name=\"relationId\" value=\"").append(Html.esc(finding.crmRelation())).append("\">")
                .append("<label for=\"choice-").append(row).append("\">")
                .append(Html.esc(t.fmt("quality.choice.label", finding.crmRelation()))).append("</label>")
                .append("<select id=\"choice-").append(row).append("\" name=\"choice\">");
        for (String account : finding.accounts()) {
            body.append("<option value=\"").append(Html.esc(account)).append("\">")
                    .append(Html.esc(t.fmt("quality.choice.adopt", account))).append("</option>");
        }
        body.append("<option value=\"").append(SeenRelation.CREATE_NEW).append("\">")
                .append(Html.esc(t.get("quality.choice.new"))).append("</option></select>")
                .append("<button type=\"submit\" id=\"choose-").append(row).append("\">")
                .append(Html.esc(t.get("quality.choice.save"))).append("</button></form>");
    }

    private static int offset(PageContext page, int size) {
        try {
            int from = Integer.parseInt(page.request().query("from").orElse("0"));
            return from < 0 || from >= size ? 0 : from - from % PAGE;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static void pager(PageContext page, StringBuilder body, int division, int from, int to, int size) {
        if (from == 0 && to >= size) {
            return;
        }
        ConsoleTexts.Texts t = page.t();
        body.append("<nav class=\"paging\" aria-label=\"").append(Html.esc(t.get("quality.pages"))).append("\"><ul>");
        if (from > 0) {
            body.append("<li><a rel=\"prev\" href=\"data-quality?division=").append(division).append("&amp;from=")
                    .append(from - PAGE).append("\">").append(Html.esc(t.get("quality.previous"))).append("</a></li>");
        }
        if (to < size) {
            body.append("<li><a rel=\"next\" id=\"quality-next\" href=\"data-quality?division=").append(division)
                    .append("&amp;from=").append(to).append("\">").append(Html.esc(t.get("quality.next")))
                    .append("</a></li>");
        }
        body.append("</ul></nav>");
    }
}
