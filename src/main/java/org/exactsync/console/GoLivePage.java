package org.exactsync.console;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.ConnectionView;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.admin.LedgerMappingView;
import org.exactsync.flow.admin.ModeChange;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.mapping.MappingFinding;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;

/**
 * Go live: what still blocks it (connection, selection, each selected division's ledger-mapping errors, checked
 * against the cached copy of Exact's master data, with a button to read it again) and the switch itself, through
 * the same checks as the JSON admin route (those read Exact fresh).
 */
@ApplicationScoped
class GoLivePage implements ConsolePage {

    private final ConnectionAdmin connections;
    private final ConnectionStore connectionStore;
    private final MappingChecks checks;
    private final TenantAdmin admin;
    private final AdminAnswers answers;

    GoLivePage(ConnectionAdmin connections, ConnectionStore connectionStore, MappingChecks checks, TenantAdmin admin,
            AdminAnswers answers) {
        this.connections = connections;
        this.connectionStore = connectionStore;
        this.checks = checks;
        this.admin = admin;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "go-live";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "");
    }

    @Override
    public HttpResponseEvent post(PageContext page) {
        if (page.request().field("action").filter("refresh"::equals).isPresent()) {
            Optional<ConnectionRecord> connection = connectionStore.find(page.tenant());
            try {
                for (int division : connection.map(ConnectionRecord::divisions).orElse(List.of())) {
                    checks.refresh(new ExactTarget(connection.get().tokenKey(), division));
                }
            } catch (ExactException unreachable) {
                return show(page, 502, Html.notice("error", page.t().get("error.exact")));
            }
            return show(page, 200, Html.notice("ok", page.t().get("masterdata.refreshed")));
        }
        HttpResponseEvent answer = admin.switchMode(page.tenant(), new ModeChange("live"), page.request().http());
        if (answer.statusCode() == 200) {
            return show(page, 200, Html.notice("ok", page.t().get("golive.done")));
        }
        return show(page, answer.statusCode(), Html.notice("error", page.t().get("golive.refused") + " "
                + answers.message(answer)));
    }

    /**
     * Each selected division's stored mapping checked against the cached master data (0 Exact calls while warm; a
     * division without a mapping does not block, as on the admin route). The switch itself checks against a fresh
     * read. Answers the error text when Exact could not be read for a cold copy.
     */
    private Optional<String> mappingBlockers(PageContext page, StringBuilder blockers) {
        ConsoleTexts.Texts t = page.t();
        Optional<ConnectionRecord> connection = connectionStore.find(page.tenant());
        try {
            for (int division : connection.map(ConnectionRecord::divisions).orElse(List.of())) {
                Optional<MappingChecks.Checked> mapped = checks.viewIfMapped(new ExactTarget(
                        connection.get().tokenKey(), division));
                if (mapped.isEmpty() || mapped.get().view().ready()) {
                    continue;
                }
                LedgerMappingView checked = mapped.get().view();
                blockers.append("<li>").append(Html.esc(t.fmt("golive.block.mapping", division))).append(" <a href=\""
                        + "ledger-mapping?division=").append(division).append("\">").append(Html.esc(t.get(
                                "nav.ledger"))).append("</a><ul>");
                for (MappingFinding finding : checked.findings()) {
                    if ("error".equals(finding.severity())) {
                        blockers.append("<li>").append(Html.esc(finding.item())).append(": ")
                                .append(Html.esc(finding.message())).append("</li>");
                    }
                }
                blockers.append("</ul></li>");
            }
        } catch (ExactException unreachable) {
            return Optional.of(t.get("error.exact"));
        }
        return Optional.empty();
    }

    private HttpResponseEvent show(PageContext page, int status, String notice) {
        ConsoleTexts.Texts t = page.t();
        ConnectionView view = connections.status(page.tenant(), page.request().http());
        StringBuilder blockers = new StringBuilder();
        if (!"active".equals(view.status())) {
            blockers.append("<li>").append(Html.esc(t.get("golive.block.connection"))).append("</li>");
        }
        if (view.divisions().isEmpty()) {
            blockers.append("<li>").append(Html.esc(t.get("golive.block.divisions"))).append("</li>");
        }
        if ("active".equals(view.status())) {
            Optional<String> unreadable = mappingBlockers(page, blockers);
            if (unreadable.isPresent()) {
                blockers.append("<li>").append(Html.esc(unreadable.get())).append("</li>");
            }
        }
        StringBuilder body = new StringBuilder(notice);
        if ("active".equals(view.status()) && !view.divisions().isEmpty()) {
            body.append(MasterDataRefresh.form(page, "go-live", null, null));
        }
        body.append("<p>").append(Html.esc(t.fmt("golive.mode", t.get("mode." + (view.mode() == null ? "dry-run"
                : view.mode()))))).append("</p>");
        if (blockers.length() > 0) {
            body.append("<h2>").append(Html.esc(t.get("golive.blockers"))).append("</h2><ul class=\"blockers\">")
                    .append(blockers).append("</ul>");
        } else if (!"live".equals(view.mode())) {
            body.append(Html.notice("ok", t.get("golive.clear")));
        }
        if (!"live".equals(view.mode())) {
            body.append("<form method=\"post\" action=\"go-live\">").append(page.csrf())
                    .append("<button type=\"submit\" id=\"go-live\">").append(Html.esc(t.get("golive.button")))
                    .append("</button></form>");
        }
        return page.render(status, "nav.golive", body.toString());
    }
}
