package org.exactsync.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page shell: skip link, navigation, language switch, sign-out and the main region. Links are relative (the
 * console may sit below an API stage); every asset comes from the console itself.
 */
final class ConsoleLayout {

    /** Headers of every console HTML answer: nothing from elsewhere, no framing, no caching of operator data. */
    static final Map<String, String> HTML_HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    /** The navigation: page name → title key, in the order of an operator's work. */
    static final List<Map.Entry<String, String>> NAV = List.of(
            Map.entry("connection", "nav.connection"),
            Map.entry("divisions", "nav.divisions"),
            Map.entry("ledger-mapping", "nav.ledger"),
            Map.entry("test-booking", "nav.test"),
            Map.entry("go-live", "nav.golive"),
            Map.entry("sync", "nav.sync"),
            Map.entry("drift", "nav.drift"),
            Map.entry("receivables", "nav.receivables"),
            Map.entry("data-quality", "nav.quality"));

    private ConsoleLayout() {
    }

    static String page(PageContext page, String title, String body) {
        ConsoleTexts.Texts t = page.t();
        StringBuilder nav = new StringBuilder("<ul>");
        for (Map.Entry<String, String> item : NAV) {
            boolean current = item.getKey().equals(page.request().page());
            nav.append("<li><a href=\"").append(item.getKey()).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>').append(Html.esc(t.get(item.getValue())))
                    .append("</a></li>");
        }
        nav.append("</ul>");
        return "<!doctype html>\n<html lang=\"" + t.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + " · " + Html.esc(t.get("app.name")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"../assets/console.css\"></head><body>"
                + "<a class=\"skip\" href=\"#main\">" + Html.esc(t.get("nav.skip")) + "</a>"
                + "<header><p class=\"brand\">" + Html.esc(t.get("app.name")) + " · <span class=\"tenant\">"
                + Html.esc(page.tenant()) + "</span></p>"
                + "<nav aria-label=\"" + Html.esc(t.get("nav.label")) + "\">" + nav + "</nav>"
                + "<div class=\"tools\">" + languageSwitch(page) + "<form method=\"post\" action=\"sign-out\">"
                + page.csrf() + "<button type=\"submit\">" + Html.esc(t.get("nav.signout")) + "</button></form></div>"
                + "</header><main id=\"main\" tabindex=\"-1\"><h1>" + Html.esc(title) + "</h1>" + body
                + "</main></body></html>";
    }

    /** Links to this page in the other language, keeping the page's query. */
    private static String languageSwitch(PageContext page) {
        StringBuilder links = new StringBuilder("<nav class=\"lang\" aria-label=\"")
                .append(Html.esc(page.t().get("nav.language"))).append("\"><ul>");
        for (String lang : ConsoleTexts.LANGUAGES) {
            Map<String, String> query = new LinkedHashMap<>(page.request().http().queryStringParameters());
            query.put("lang", lang);
            StringBuilder href = new StringBuilder(page.request().page()).append('?');
            query.forEach((k, v) -> href.append(Html.q(k)).append('=').append(Html.q(v)).append('&'));
            href.setLength(href.length() - 1);
            boolean current = lang.equals(page.t().lang());
            links.append("<li><a href=\"").append(Html.esc(href)).append("\" lang=\"").append(lang)
                    .append("\" hreflang=\"").append(lang).append('"').append(current ? " aria-current=\"true\"" : "")
                    .append('>').append(lang.equals("nl") ? "Nederlands" : "English").append("</a></li>");
        }
        return links.append("</ul></nav>").toString();
    }
}
