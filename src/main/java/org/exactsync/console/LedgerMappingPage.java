package org.exactsync.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;
import org.exactsync.flow.admin.LedgerMappingAdmin;
import org.exactsync.flow.admin.LedgerMappingBody;
import org.exactsync.flow.admin.LedgerMappingView;
import org.exactsync.flow.invoice.FinanceMasterDataCache;
import org.exactsync.mapping.FinanceMasterData;
import org.exactsync.mapping.MappingFinding;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.LedgerMappingStore;

/**
 * Ledger mapping of one division: sales journal, revenue accounts, VAT codes and the default revenue account, each
 * chosen from the division's own master data (code and name), the check's findings next to the field they concern.
 * Saved with the version check: a concurrent edit is explained and the operator's edit is kept on the page.
 */
@ApplicationScoped
class LedgerMappingPage implements ConsolePage {

    private static final int BLANK_ROWS = 2;

    private final LedgerMappingAdmin ledgers;
    private final LedgerMappingStore stored;
    private final MappingChecks checks;
    private final ConnectionStore connections;
    private final AdminAnswers answers;

    LedgerMappingPage(LedgerMappingAdmin ledgers, LedgerMappingStore stored, MappingChecks checks,
            ConnectionStore connections, AdminAnswers answers) {
        this.ledgers = ledgers;
        this.stored = stored;
        this.checks = checks;
        this.connections = connections;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "ledger-mapping";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return view(page, "");
    }

    /**
     * The stored mapping checked against the cached master data: 0 Exact calls while the copy is warm (the bench
     * showed six reads per view when every view re-read Exact). The refresh button reads Exact on purpose.
     */
    private HttpResponseEvent view(PageContext page, String done) {
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> division = DivisionChoice.of(page, connection);
        if (division.isEmpty()) {
            return page.render(200, "nav.ledger", Html.notice("info", page.t().get("division.noneSelected")));
        }
        if (connection.get().status() != ConnectionStatus.ACTIVE) {
            return page.render(409, "nav.ledger", DivisionChoice.picker(page, connection, division.get())
                    + Html.notice("error", page.t().get("golive.block.connection")));
        }
        LedgerMappingView view;
        try {
            view = checks.view(new ExactTarget(connection.get().tokenKey(), division.get())).view();
        } catch (ExactException unreachable) {
            return page.render(502, "nav.ledger", Html.notice("error", page.t().get("error.exact")));
        }
        String notice = done + (view.ready() ? Html.notice("ok", page.t().get("ledger.ready"))
                : Html.notice("info", page.t().get("ledger.notready")));
        return show(page, connection, division.get(), 200, notice, view.mapping(), view.findings(),
                view.mapping() == null ? 0 : view.mapping().version());
    }

    @Override
    public HttpResponseEvent post(PageContext page) {
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        Optional<Integer> division = DivisionChoice.of(page, connection);
        if (division.isEmpty()) {
            return page.render(400, "nav.ledger", Html.notice("error", page.t().get("division.noneSelected")));
        }
        ConsoleRequest form = page.request();
        if (form.field("action").filter("refresh"::equals).isPresent()) {
            try {
                checks.refresh(new ExactTarget(connection.orElseThrow().tokenKey(), division.get()));
            } catch (ExactException unreachable) {
                return page.render(502, "nav.ledger", Html.notice("error", page.t().get("error.exact")));
            }
            return view(page, Html.notice("ok", page.t().get("masterdata.refreshed")));
        }
        long version = form.field("version").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException notANumber) {
                return 0L;
            }
        }).orElse(0L);
        LedgerMappingBody edit = new LedgerMappingBody(form.field("salesJournal").orElse(""),
                pairs(form.fields("revenueCrm"), form.fields("revenueGl")),
                pairs(form.fields("vatKey"), form.fields("vatCode")),
                form.field("defaultRevenueAccount").orElse(""), form.field("defaultPaymentCondition").orElse(""),
                version);
        HttpResponseEvent answer = ledgers.replace(page.tenant(), String.valueOf(division.get()), edit);
        ConsoleTexts.Texts t = page.t();
        if (answer.statusCode() == 200) {
            LedgerMappingView view = answers.read(answer, LedgerMappingView.class);
            String notice = Html.notice(view.ready() ? "ok" : "info", t.fmt(view.ready() ? "ledger.saved.ready"
                    : "ledger.saved.findings", view.mapping().version()));
            return show(page, connection, division.get(), 200, notice, view.mapping(), view.findings(),
                    view.mapping().version());
        }
        if (answer.statusCode() == 409 && "conflict".equals(answers.body(answer).path("error").asText())) {
            Optional<LedgerMappingRecord> now = stored.find(page.tenant(), division.get());
            long current = now.map(LedgerMappingRecord::version).orElse(0L);
            String explained = Html.notice("error", t.fmt("ledger.conflict", version, current))
                    + now.map(r -> "<details><summary>" + Html.esc(t.fmt("ledger.conflict.stored", current))
                            + "</summary><pre>" + Html.esc(describe(r)) + "</pre></details>").orElse("");
            // The operator's edit stays on the page with the current version: saving again replaces on purpose.
            return show(page, connection, division.get(), 409, explained, edit, List.of(), current);
        }
        return show(page, connection, division.get(), answer.statusCode(),
                Html.notice("error", answers.message(answer)), edit, List.of(), version);
    }

    private HttpResponseEvent show(PageContext page, Optional<ConnectionRecord> connection, int division, int status,
            String notice, LedgerMappingBody mapping, List<MappingFinding> findings, long version) {
        ConsoleTexts.Texts t = page.t();
        FinanceMasterDataCache.Loaded loaded;
        try {
            loaded = checks.masterData(new ExactTarget(connection.orElseThrow().tokenKey(), division));
        } catch (ExactException unreachable) {
            return page.render(502, "nav.ledger", Html.notice("error", t.get("error.exact")));
        }
        FinanceMasterData data = loaded.data();
        Map<String, List<MappingFinding>> byItem = new LinkedHashMap<>();
        findings.forEach(f -> byItem.computeIfAbsent(f.item(), k -> new ArrayList<>()).add(f));
        Findings shown = new Findings(byItem);
        Map<String, String> revenue = new LinkedHashMap<>(mapping == null || mapping.revenueAccounts() == null
                ? Map.of() : mapping.revenueAccounts());
        Map<String, String> vat = new LinkedHashMap<>(mapping == null || mapping.vatCodes() == null ? Map.of()
                : mapping.vatCodes());
        // A finding about a key the mapping lacks gets a row of its own, so it sits next to a field too.
        byItem.keySet().forEach(item -> {
            if (item.startsWith("revenueAccounts.")) {
                revenue.putIfAbsent(item.substring("revenueAccounts.".length()), "");
            } else if (item.startsWith("vatCodes.")) {
                vat.putIfAbsent(item.substring("vatCodes.".length()), "");
            }
        });
        Map<String, String> journals = new LinkedHashMap<>();
        for (Journal j : data.journals()) {
            journals.put(j.code().strip(), j.code().strip() + " – " + j.description());
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (GlAccount g : data.glAccounts()) {
            accounts.put(g.code().strip(), g.code().strip() + " – " + g.description());
        }
        Map<String, String> vatCodes = new LinkedHashMap<>();
        for (VatCode v : data.vatCodes()) {
            vatCodes.put(v.code().strip(), v.code().strip() + " – " + v.description());
        }
        StringBuilder body = new StringBuilder(DivisionChoice.picker(page, connection, division)).append(notice)
                .append(MasterDataRefresh.form(page, "ledger-mapping", division, loaded.loadedAt()));
        String general = shown.list("ledgerMapping");
        body.append(general);
        body.append("<form method=\"post\" action=\"ledger-mapping\" class=\"mapping\">").append(page.csrf())
                .append("<input type=\"hidden\" name=\"division\" value=\"").append(division).append("\">")
                .append("<input type=\"hidden\" name=\"version\" value=\"").append(version).append("\">")
                .append("<p class=\"help\">").append(Html.esc(t.fmt("ledger.version", version))).append("</p>");
        body.append("<div class=\"field\"><label for=\"salesJournal\">").append(Html.esc(t.get("ledger.journal")))
                .append("</label>").append(select("salesJournal", "salesJournal", journals,
                        mapping == null ? "" : mapping.salesJournal(), false, shown.describedBy("salesJournal"), t))
                .append(shown.list("salesJournal")).append("</div>");
        body.append("<fieldset><legend>").append(Html.esc(t.get("ledger.revenue"))).append("</legend><table><thead>"
                + "<tr><th scope=\"col\">").append(Html.esc(t.get("ledger.crmAccount"))).append("</th><th scope=\"col\">")
                .append(Html.esc(t.get("ledger.glAccount"))).append("</th><th scope=\"col\">")
                .append(Html.esc(t.get("ledger.findings"))).append("</th></tr></thead><tbody>");
        int row = 0;
        List<Map.Entry<String, String>> revenueRows = new ArrayList<>(revenue.entrySet());
        for (int i = 0; i < BLANK_ROWS; i++) {
            revenueRows.add(Map.entry("", ""));
        }
        for (Map.Entry<String, String> entry : revenueRows) {
            String item = "revenueAccounts." + entry.getKey();
            String describedBy = entry.getKey().isEmpty() ? "" : shown.describedBy(item);
            body.append("<tr><td><label class=\"sr\" for=\"revenueCrm-").append(row).append("\">")
                    .append(Html.esc(t.fmt("ledger.crmAccount.row", row + 1))).append("</label>")
                    .append("<input type=\"text\" name=\"revenueCrm\" id=\"revenueCrm-").append(row)
                    .append("\" value=\"").append(Html.esc(entry.getKey())).append("\"></td><td><label class=\"sr\""
                            + " for=\"revenueGl-").append(row).append("\">")
                    .append(Html.esc(t.fmt("ledger.glAccount.row", row + 1))).append("</label>")
                    .append(select("revenueGl-" + row, "revenueGl", accounts, entry.getValue(), true, describedBy, t))
                    .append("</td><td>").append(entry.getKey().isEmpty() ? "" : shown.list(item)).append("</td></tr>");
            row++;
        }
        body.append("</tbody></table></fieldset>");
        body.append("<fieldset><legend>").append(Html.esc(t.get("ledger.vat"))).append("</legend><p class=\"help\">")
                .append(Html.esc(t.get("ledger.vat.help"))).append("</p><table><thead><tr><th scope=\"col\">")
                .append(Html.esc(t.get("ledger.vatKey"))).append("</th><th scope=\"col\">")
                .append(Html.esc(t.get("ledger.vatCode"))).append("</th><th scope=\"col\">")
                .append(Html.esc(t.get("ledger.findings"))).append("</th></tr></thead><tbody>");
        List<Map.Entry<String, String>> vatRows = new ArrayList<>(vat.entrySet());
        vatRows.add(Map.entry("", ""));
        row = 0;
        for (Map.Entry<String, String> entry : vatRows) {
            String item = "vatCodes." + entry.getKey();
            String describedBy = entry.getKey().isEmpty() ? "" : shown.describedBy(item);
            body.append("<tr><td><label class=\"sr\" for=\"vatKey-").append(row).append("\">")
                    .append(Html.esc(t.fmt("ledger.vatKey.row", row + 1))).append("</label>")
                    .append("<input type=\"text\" name=\"vatKey\" id=\"vatKey-").append(row).append("\" value=\"")
                    .append(Html.esc(entry.getKey())).append("\"></td><td><label class=\"sr\" for=\"vatCode-")
                    .append(row).append("\">").append(Html.esc(t.fmt("ledger.vatCode.row", row + 1)))
                    .append("</label>")
                    .append(select("vatCode-" + row, "vatCode", vatCodes, entry.getValue(), true, describedBy, t))
                    .append("</td><td>").append(entry.getKey().isEmpty() ? "" : shown.list(item)).append("</td></tr>");
            row++;
        }
        body.append("</tbody></table></fieldset>");
        body.append("<div class=\"field\"><label for=\"defaultRevenueAccount\">")
                .append(Html.esc(t.get("ledger.default"))).append("</label>")
                .append(select("defaultRevenueAccount", "defaultRevenueAccount", accounts,
                        mapping == null ? "" : mapping.defaultRevenueAccount(), true,
                        shown.describedBy("defaultRevenueAccount"), t))
                .append(shown.list("defaultRevenueAccount")).append("</div>");
        Map<String, String> conditions = new LinkedHashMap<>();
        for (PaymentCondition c : data.paymentConditions()) {
            conditions.put(c.code().strip(), c.code().strip() + " – " + c.description());
        }
        body.append("<div class=\"field\"><label for=\"defaultPaymentCondition\">")
                .append(Html.esc(t.get("ledger.paymentCondition"))).append("</label>")
                .append(select("defaultPaymentCondition", "defaultPaymentCondition", conditions,
                        mapping == null ? "" : mapping.defaultPaymentCondition(), true,
                        shown.describedBy("defaultPaymentCondition"), t))
                .append(shown.list("defaultPaymentCondition")).append("</div>");
        String rest = shown.remaining();
        if (!rest.isEmpty()) {
            body.append("<h2>").append(Html.esc(t.get("ledger.other"))).append("</h2>").append(rest);
        }
        body.append("<button type=\"submit\" id=\"save-mapping\">").append(Html.esc(t.get("action.save")))
                .append("</button></form>");
        return page.render(status, "nav.ledger", body.toString());
    }

    /** A select of Exact's codes; a stored value Exact no longer has stays selectable, marked as such. */
    private static String select(String id, String name, Map<String, String> options, String current,
            boolean optional, String describedBy, ConsoleTexts.Texts t) {
        StringBuilder html = new StringBuilder("<select id=\"").append(id).append("\" name=\"").append(name)
                .append('"').append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"")
                .append(describedBy.isEmpty() ? "" : " aria-invalid=\"true\"").append('>');
        String value = current == null ? "" : current;
        if (optional || value.isEmpty()) {
            html.append("<option value=\"\">").append(Html.esc(t.get("ledger.choose"))).append("</option>");
        }
        if (!value.isEmpty() && !options.containsKey(value)) {
            html.append("<option value=\"").append(Html.esc(value)).append("\" selected>")
                    .append(Html.esc(t.fmt("ledger.unknown", value))).append("</option>");
        }
        options.forEach((code, label) -> html.append("<option value=\"").append(Html.esc(code)).append('"')
                .append(code.equals(value) ? " selected" : "").append('>').append(Html.esc(label)).append("</option>"));
        return html.append("</select>").toString();
    }

    /**
     * Pairs two repeated fields row by row. A row without a key or without a choice is left out: it maps nothing
     * (the rows offered for a finding's missing key stay empty until the operator picks a code).
     */
    private static Map<String, String> pairs(List<String> keys, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i).strip();
            String value = i < values.size() ? values.get(i).strip() : "";
            if (!key.isEmpty() && !value.isEmpty()) {
                map.put(key, value);
            }
        }
        return map;
    }

    private static String describe(LedgerMappingRecord record) {
        return "salesJournal " + record.mapping().salesJournal() + "\nrevenueAccounts "
                + record.mapping().revenueAccounts() + "\nvatCodes " + record.mapping().vatCodes()
                + "\ndefaultRevenueAccount " + record.mapping().defaultRevenueAccount();
    }

    /** The findings by item; each is shown once, next to its field or in the list of the rest. */
    private static final class Findings {

        private final Map<String, List<MappingFinding>> byItem;
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final java.util.Set<String> shown = new java.util.HashSet<>();

        Findings(Map<String, List<MappingFinding>> byItem) {
            this.byItem = byItem;
            int n = 0;
            for (String item : byItem.keySet()) {
                ids.put(item, "finding-" + n++);
            }
        }

        String describedBy(String item) {
            return ids.getOrDefault(item, "");
        }

        String list(String item) {
            List<MappingFinding> found = byItem.get(item);
            if (found == null || !shown.add(item)) {
                return "";
            }
            StringBuilder html = new StringBuilder("<ul class=\"findings\" id=\"").append(ids.get(item))
                    .append("\" data-item=\"").append(Html.esc(item)).append("\">");
            found.forEach(f -> html.append("<li class=\"").append(Html.esc(f.severity())).append("\">")
                    .append(Html.esc(f.message())).append("</li>"));
            return html.append("</ul>").toString();
        }

        String remaining() {
            StringBuilder html = new StringBuilder();
            byItem.keySet().stream().filter(item -> !shown.contains(item)).toList()
                    .forEach(item -> html.append("<h3>").append(Html.esc(item)).append("</h3>").append(list(item)));
            return html.toString();
        }
    }
}
