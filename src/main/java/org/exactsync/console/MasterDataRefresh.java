package org.exactsync.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The "refresh from Exact" form of the pages that check ledger mappings against a cached copy of Exact's master
 * data: when that copy was read, and a button that reads it again (6 Exact calls per division).
 */
final class MasterDataRefresh {

    private MasterDataRefresh() {
    }

    /**
     * @param action   the page that answers the post
     * @param division the division to refresh, or null for every selected one
     * @param readAt   when the copy shown was read from Exact, or null when several are
     */
    static String form(PageContext page, String action, Integer division, Instant readAt) {
        ConsoleTexts.Texts t = page.t();
        StringBuilder html = new StringBuilder("<form method=\"post\" action=\"").append(action)
                .append("\" class=\"inline refresh\">").append(page.csrf())
                .append("<input type=\"hidden\" name=\"action\" value=\"refresh\">");
        if (division != null) {
            html.append("<input type=\"hidden\" name=\"division\" value=\"").append(division).append("\">");
        }
        html.append("<p class=\"help\" id=\"masterdata-age\">").append(Html.esc(readAt == null
                ? t.get("masterdata.cached") : t.fmt("masterdata.readAt", readAt.truncatedTo(ChronoUnit.SECONDS))))
                .append("</p><button type=\"submit\" id=\"refresh-masterdata\" aria-describedby=\"masterdata-age\">")
                .append(Html.esc(t.get("masterdata.refresh"))).append("</button></form>");
        return html.toString();
    }
}
