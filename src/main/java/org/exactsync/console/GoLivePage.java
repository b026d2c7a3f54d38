package org.exactsync.console;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.ConnectionView;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.admin.ModeChange;
import org.exactsync.flow.admin.TenantAdmin;

/**
 * Go live: what still blocks it (connection, selection, each selected division's ledger-mapping errors, checked
 * against Exact's master data now) and the switch itself, through the same checks as the JSON admin route.
 */
@ApplicationScoped
class GoLivePage implements ConsolePage {

    private final ConnectionAdmin connections;
    private final LedgerMappingAdmin ledgers;
    private final TenantAdmin admin;
    private final AdminAnswers answers;

    GoLivePage(ConnectionAdmin connections, LedgerMappingAdmin ledgers, TenantAdmin admin, AdminAnswers answers) {
        this.connections = connections;
        this.ledgers = ledgers;
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
        HttpResponseEvent answer = admin.switchMode(page.tenant(), new ModeChange("live"), page.request().http());
        if (answer.statusCode() == 200) {
            return show(page, 200, Html.notice("ok", page.t().get("golive.done")));
        }
        return show(page, answer.statusCode(), Html.notice("error", page.t().get("golive.refused") + " "
                + answers.message(answer)));
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
        Optional<HttpResponseEvent> mapping = "active".equals(view.status()) ? ledgers.goLiveBlock(page.tenant())
                : Optional.empty();
        mapping.ifPresent(block -> {
            JsonNode body = answers.body(block);
            if (!body.path("divisions").isArray()) {
                blockers.append("<li>").append(Html.esc(answers.message(block))).append("</li>");
            }
            for (JsonNode division : body.path("divisions")) {
                int code = division.path("division").asInt();
                blockers.append("<li>").append(Html.esc(t.fmt("golive.block.mapping", code))).append(" <a href=\""
                        + "ledger-mapping?division=").append(code).append("\">").append(Html.esc(t.get("nav.ledger")))
                        .append("</a><ul>");
                for (JsonNode finding : division.path("findings")) {
                    if ("error".equals(finding.path("severity").asText())) {
                        blockers.append("<li>").append(Html.esc(finding.path("item").asText())).append(": ")
                                .append(Html.esc(finding.path("message").asText())).append("</li>");
                    }
                }
                blockers.append("</ul></li>");
            }
        });
        StringBuilder body = new StringBuilder(notice);
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
