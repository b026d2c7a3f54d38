package org.exactsync.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.exact.port.TokenStore;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.ConnectionView;
import org.exactsync.flow.admin.ModeChange;
import org.exactsync.flow.admin.TenantAdmin;
import org.exactsync.flow.connect.ConnectLinks;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;

/**
 * Connection: status, Exact user and site, token health, the re-consent link (the connect flow) and dry run or live.
 * Read from the store only: showing it costs no Exact call.
 */
@ApplicationScoped
class ConnectionPage implements ConsolePage {

    private final ConnectionAdmin admin;
    private final TenantAdmin tenantAdmin;
    private final ConnectionStore connections;
    private final TokenStore tokens;
    private final ConnectLinks links;
    private final AdminAnswers answers;
    private final Clock clock;

    ConnectionPage(ConnectionAdmin admin, TenantAdmin tenantAdmin, ConnectionStore connections, TokenStore tokens,
            ConnectLinks links, AdminAnswers answers, Clock clock) {
        this.admin = admin;
        this.tenantAdmin = tenantAdmin;
        this.connections = connections;
        this.tokens = tokens;
        this.links = links;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "connection";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "");
    }

    /** Back to dry run (going live is on the go-live page, which shows what blocks it). */
    @Override
    public HttpResponseEvent post(PageContext page) {
        HttpResponseEvent answer = tenantAdmin.switchMode(page.tenant(), new ModeChange("dry-run"),
                page.request().http());
        return answer.statusCode() == 200 ? show(page, 200, Html.notice("ok", page.t().get("connection.dryrun.done")))
                : show(page, answer.statusCode(), Html.notice("error", answers.message(answer)));
    }

    private HttpResponseEvent show(PageContext page, int status, String notice) {
        ConsoleTexts.Texts t = page.t();
        ConnectionView view = admin.status(page.tenant(), page.request().http());
        Optional<ConnectionRecord> record = connections.find(page.tenant());
        StringBuilder body = new StringBuilder(notice);
        body.append("<dl class=\"facts\">");
        fact(body, t.get("connection.status"), "<span class=\"state " + Html.esc(view.status()) + "\">"
                + Html.esc(t.get("connection.status." + view.status())) + "</span>");
        if (record.isPresent()) {
            fact(body, t.get("connection.site"), Html.esc(view.site()));
            fact(body, t.get("connection.user"), "<code>" + Html.esc(record.get().exactUser()) + "</code>");
            fact(body, t.get("connection.mode"), "<span class=\"state " + Html.esc(view.mode()) + "\">"
                    + Html.esc(t.get("mode." + view.mode())) + "</span>");
            Optional<TokenRecord> token = tokens.find(record.get().tokenKey());
            fact(body, t.get("connection.refreshed"), token.map(TokenRecord::refreshedAt)
                    .map(at -> Html.esc(at.toString()) + " (" + Html.esc(age(t, at)) + ")")
                    .orElse(Html.esc(t.get("connection.none"))));
            fact(body, t.get("connection.access"), token.map(TokenRecord::accessExpiresAt)
                    .map(at -> Html.esc(at.toString())).orElse(Html.esc(t.get("connection.none"))));
            token.map(TokenRecord::statusReason).filter(reason -> reason != null && !reason.isBlank())
                    .ifPresent(reason -> fact(body, t.get("connection.reason"), Html.esc(reason)));
            fact(body, t.get("connection.divisions"), Html.esc(view.divisions().isEmpty()
                    ? t.get("connection.none") : view.divisions().toString()));
        }
        body.append("</dl>");
        Optional<String> consent = Optional.ofNullable(view.connectUrl())
                .or(() -> links.startUrl(page.tenant(), page.request().http()));
        body.append("<h2>").append(Html.esc(t.get("connection.consent.title"))).append("</h2><p>")
                .append(Html.esc(t.get("connection.consent.help"))).append("</p>");
        consent.ifPresent(url -> body.append("<p><a class=\"button\" id=\"consent\" href=\"").append(Html.esc(url))
                .append("\">").append(Html.esc(t.get(record.isPresent() ? "connection.reconsent"
                        : "connection.connect"))).append("</a></p>"));
        if (record.isPresent()) {
            body.append("<h2>").append(Html.esc(t.get("connection.mode.title"))).append("</h2>");
            if ("live".equals(view.mode())) {
                body.append("<form method=\"post\" action=\"connection\">").append(page.csrf())
                        .append("<button type=\"submit\" id=\"to-dry-run\">")
                        .append(Html.esc(t.get("connection.todryrun"))).append("</button></form>");
            } else {
                body.append("<p>").append(Html.esc(t.get("connection.dryrun.help"))).append(" <a href=\"go-live\">")
                        .append(Html.esc(t.get("nav.golive"))).append("</a></p>");
            }
        }
        return page.render(status, "nav.connection", body.toString());
    }

    private String age(ConsoleTexts.Texts t, Instant at) {
        Duration age = Duration.between(at, clock.instant());
        return age.toDays() > 0 ? t.fmt("age.days", age.toDays()) : t.fmt("age.hours", age.toHours());
    }

    static void fact(StringBuilder body, String term, String valueHtml) {
        body.append("<dt>").append(Html.esc(term)).append("</dt><dd>").append(valueHtml).append("</dd>");
    }
}
