package org.exactsync.console;

import java.util.List;
import java.util.Optional;

import org.exactsync.store.ConnectionRecord;

/** The division a per-division page shows: {@code ?division=} (or the form's) when selected, else the first one. */
final class DivisionChoice {

    private DivisionChoice() {
    }

    static Optional<Integer> of(PageContext page, Optional<ConnectionRecord> connection) {
        List<Integer> selected = connection.map(ConnectionRecord::divisions).orElse(List.of());
        Optional<String> asked = page.request().field("division").or(() -> page.request().query("division"));
        if (asked.isPresent()) {
            try {
                int division = Integer.parseInt(asked.get().trim());
                return selected.contains(division) ? Optional.of(division) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return selected.stream().findFirst();
    }

    /** Links to the same page for each selected division, the shown one marked current. */
    static String picker(PageContext page, Optional<ConnectionRecord> connection, int shown) {
        StringBuilder html = new StringBuilder("<nav class=\"divisions\" aria-label=\"")
                .append(Html.esc(page.t().get("division.pick"))).append("\"><ul>");
        for (int division : connection.map(ConnectionRecord::divisions).orElse(List.of())) {
            html.append("<li><a href=\"").append(page.request().page()).append("?division=").append(division)
                    .append('"').append(division == shown ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.esc(page.t().fmt("division.name", division))).append("</a></li>");
        }
        return html.append("</ul></nav>").toString();
    }
}
