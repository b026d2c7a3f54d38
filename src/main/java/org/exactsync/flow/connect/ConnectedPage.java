package org.exactsync.flow.connect;

import java.util.List;

import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.DiscoveredDivision;

/** The small HTML page a person sees after consenting: the divisions found and what happens next. */
public final class ConnectedPage {

    private ConnectedPage() {
    }

    static String html(ConnectionSetup.Connected connected) {
        ConnectionRecord connection = connected.connection();
        List<DiscoveredDivision> divisions = connected.divisions();
        String notice = connected.consent().repointed()
                ? "<p><strong>Attention:</strong> " + escape(ConnectCallback.REPOINTED) + "</p>\n"
                : "";
        StringBuilder rows = new StringBuilder();
        for (DiscoveredDivision division : divisions) {
            boolean selected = connection.divisions().contains(division.code());
            rows.append("<tr><td>").append(division.code()).append("</td><td>")
                    .append(escape(division.description())).append("</td><td>")
                    .append(division.active() ? "active" : "inactive").append("</td><td>")
                    .append(selected ? "selected" : "").append("</td></tr>\n");
        }
        return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Connected to Exact Online</title></head>"
                + "<body>\n<h1>Connected to Exact Online</h1>\n<p>Tenant <code>" + escape(connection.tenant())
                + "</code> is connected in <strong>" + (connection.mode().name().equals("LIVE") ? "live" : "dry-run")
                + "</strong> mode. Divisions this Exact user may open:</p>\n" + notice
                + "<table><tr><th>Division</th><th>Name</th><th>Status</th><th>Sync</th></tr>\n" + rows
                + "</table>\n<p>Choose the divisions to sync and go live through the tenant admin routes.</p>\n"
                + "</body></html>\n";
    }

    /**
     * Division names come from Exact and are typed by people: never trust them as markup. The one HTML escape of
     * the connector (the operator console uses it too).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
