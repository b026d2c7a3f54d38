package org.exactsync.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.ConnectionAdmin;
import org.exactsync.flow.admin.ConnectionView;
import org.exactsync.flow.admin.DivisionSelection;
import org.exactsync.store.DiscoveredDivision;

/**
 * Administrations: the divisions the consenting user may open (found at consent), which are synced and which are the
 * defaults, with the reason a division cannot be selected. Saved through the admin service's own checks.
 */
@ApplicationScoped
class DivisionsPage implements ConsolePage {

    private final ConnectionAdmin admin;
    private final AdminAnswers answers;

    DivisionsPage(ConnectionAdmin admin, AdminAnswers answers) {
        this.admin = admin;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "divisions";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "");
    }

    @Override
    public HttpResponseEvent post(PageContext page) {
        List<Integer> chosen = numbers(page.request().fields("division"));
        List<Integer> defaults = numbers(page.request().fields("default"));
        HttpResponseEvent answer = admin.selectDivisions(page.tenant(), new DivisionSelection(chosen,
                defaults.isEmpty() ? null : defaults), page.request().http());
        return answer.statusCode() == 200 ? show(page, 200, Html.notice("ok", page.t().get("divisions.saved")))
                : show(page, answer.statusCode(), Html.notice("error", answers.message(answer)));
    }

    private HttpResponseEvent show(PageContext page, int status, String notice) {
        ConsoleTexts.Texts t = page.t();
        ConnectionView view = admin.status(page.tenant(), page.request().http());
        StringBuilder body = new StringBuilder(notice);
        if (view.available().isEmpty()) {
            body.append(Html.notice("info", t.get("divisions.none")));
            return page.render(status, "nav.divisions", body.toString());
        }
        body.append("<form method=\"post\" action=\"divisions\">").append(page.csrf())
                .append("<table><caption>").append(Html.esc(t.get("divisions.caption"))).append("</caption>")
                .append("<thead><tr><th scope=\"col\">").append(Html.esc(t.get("divisions.code")))
                .append("</th><th scope=\"col\">").append(Html.esc(t.get("divisions.name")))
                .append("</th><th scope=\"col\">").append(Html.esc(t.get("divisions.sync")))
                .append("</th><th scope=\"col\">").append(Html.esc(t.get("divisions.default")))
                .append("</th><th scope=\"col\">").append(Html.esc(t.get("divisions.note"))).append("</th></tr></thead><tbody>");
        for (DiscoveredDivision division : view.available()) {
            int code = division.code();
            boolean selected = view.divisions().contains(code);
            boolean isDefault = view.defaultDivisions().contains(code);
            String disabled = division.active() ? "" : " disabled";
            body.append("<tr><td>").append(code).append("</td><td>").append(Html.esc(division.description()))
                    .append("</td><td><input type=\"checkbox\" name=\"division\" value=\"").append(code)
                    .append("\" id=\"sync-").append(code).append('"').append(selected ? " checked" : "")
                    .append(disabled).append("><label for=\"sync-").append(code).append("\">")
                    .append(Html.esc(t.fmt("divisions.sync.label", code))).append("</label></td>")
                    .append("<td><input type=\"checkbox\" name=\"default\" value=\"").append(code)
                    .append("\" id=\"default-").append(code).append('"').append(isDefault ? " checked" : "")
                    .append(disabled).append("><label for=\"default-").append(code).append("\">")
                    .append(Html.esc(t.fmt("divisions.default.label", code))).append("</label></td><td>")
                    .append(division.active() ? "" : Html.esc(t.get("divisions.inactive"))).append("</td></tr>");
        }
        body.append("</tbody></table><p class=\"help\">").append(Html.esc(t.get("divisions.help")))
                .append("</p><button type=\"submit\" id=\"save-divisions\">").append(Html.esc(t.get("action.save")))
                .append("</button></form>");
        return page.render(status, "nav.divisions", body.toString());
    }

    private static List<Integer> numbers(List<String> values) {
        List<Integer> numbers = new ArrayList<>();
        for (String value : values) {
            try {
                numbers.add(Integer.parseInt(value.trim()));
            } catch (NumberFormatException notANumber) {
                // A tampered form: the admin service names what is not an active division.
                numbers.add(null);
            }
        }
        return numbers;
    }
}
