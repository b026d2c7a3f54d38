package org.exactsync.console;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.flow.admin.EventAdmin;
import org.exactsync.flow.admin.ReplayRequest;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.EntityKind;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;
import org.exactsync.store.MappingPage;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * Sync status per relation, invoice and project: in one division, a page of the mappings in CRM id order (a store
 * query per page, never a scan) with the Exact number, and the open event of each with its reason in plain words;
 * filters for failed, waiting and today's open events; replay of a failed or waiting event with one click; the
 * backlog per division. Read from the store only: no Exact call.
 */
@ApplicationScoped
class SyncStatusPage implements ConsolePage {

    /** Open events read per state for the filters and the rows' last event (the admin route's maximum). */
    private static final int OPEN_EVENTS = 100;
    private static final ZoneId OPERATOR_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final List<String> KINDS = List.of("relation", "invoice", "project");
    private static final List<String> FILTERS = List.of("all", "failed", "waiting", "today");

    private final ConnectionStore connections;
    private final MappingStore mappings;
    private final EventStore events;
    private final EventAdmin eventAdmin;
    private final EventReplayer replayer;
    private final AdminAnswers answers;
    private final Clock clock;
    private final int pageSize;

    SyncStatusPage(ConnectionStore connections, MappingStore mappings, EventStore events, EventAdmin eventAdmin,
            EventReplayer replayer, AdminAnswers answers, Clock clock, ConsoleConfig config) {
        this.connections = connections;
        this.mappings = mappings;
        this.events = events;
        this.eventAdmin = eventAdmin;
        this.replayer = replayer;
        this.answers = answers;
        this.clock = clock;
        this.pageSize = config.pageSize();
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        return show(page, 200, "");
    }

    /** Replays one failed or waiting event now, through the replayer the scheduled replay uses. */
    @Override
    public HttpResponseEvent post(PageContext page) {
        ConsoleTexts.Texts t = page.t();
        String eventId = page.request().field("event").orElse("");
        Optional<EventRecord> stored = events.find(page.tenant(), eventId);
        if (stored.isEmpty()) {
            return show(page, 404, Html.notice("error", t.fmt("sync.replay.unknown", eventId)));
        }
        if (stored.get().status() == EventStatus.FAILED) {
            HttpResponseEvent answer = eventAdmin.replay(page.tenant(), eventId, new ReplayRequest(eventId));
            if (answer.statusCode() != 200) {
                return show(page, answer.statusCode(), Html.notice("error", answers.message(answer)));
            }
        } else if (stored.get().status() == EventStatus.WAITING) {
            if (!replayer.handles(stored.get().type())) {
                return show(page, 409, Html.notice("error", t.fmt("sync.replay.noflow", stored.get().type())));
            }
            Optional<Outcome> outcome = replayer.replayNow(stored.get());
            if (outcome.isEmpty()) {
                return show(page, 409, Html.notice("error", t.get("sync.replay.busy")));
            }
        } else {
            return show(page, 409, Html.notice("error", t.fmt("sync.replay.notopen", eventId)));
        }
        EventRecord after = events.find(page.tenant(), eventId).orElse(stored.get());
        String state = stateName(after.status());
        return show(page, 200, Html.notice(after.status() == EventStatus.DONE ? "ok" : "error",
                t.fmt("sync.replay.done", eventId, t.get("state." + state))
                        + (after.reason() == null || after.status() == EventStatus.DONE ? "" : " " + after.reason())));
    }

    private HttpResponseEvent show(PageContext page, int status, String notice) {
        ConsoleTexts.Texts t = page.t();
        ConsoleRequest request = page.request();
        Optional<ConnectionRecord> connection = connections.find(page.tenant());
        String kind = request.query("kind").filter(KINDS::contains).orElse("invoice");
        String filter = request.query("filter").filter(FILTERS::contains).orElse("all");
        StringBuilder body = new StringBuilder(notice);
        body.append(backlog(page));
        Optional<Integer> division = DivisionChoice.of(page, connection);
        body.append(filters(page, connection, kind, filter, division));
        if (filter.equals("all")) {
            if (division.isEmpty()) {
                body.append(Html.notice("info", t.get("division.noneSelected")));
            } else {
                body.append(mappingRows(page, kind, division.get()));
            }
        } else {
            body.append(eventRows(page, kind, filter));
        }
        return page.render(status, "nav.sync", body.toString());
    }

    private String backlog(PageContext page) {
        ConsoleTexts.Texts t = page.t();
        JsonNode lanes = answers.body(eventAdmin.backlog(page.tenant())).path("divisions");
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"backlog-title\"><h2 id=\"backlog-title\">")
                .append(Html.esc(t.get("sync.backlog"))).append("</h2>");
        if (lanes.isEmpty()) {
            return html.append("<p>").append(Html.esc(t.get("sync.backlog.none"))).append("</p></section>").toString();
        }
        html.append("<table id=\"backlog\"><thead><tr><th scope=\"col\">").append(Html.esc(t.get("sync.division")))
                .append("</th><th scope=\"col\" class=\"num\">").append(Html.esc(t.get("sync.open")))
                .append("</th><th scope=\"col\">").append(Html.esc(t.get("sync.bystate")))
                .append("</th><th scope=\"col\" class=\"num\">").append(Html.esc(t.get("sync.oldest")))
                .append("</th></tr></thead><tbody>");
        for (JsonNode lane : lanes) {
            StringBuilder states = new StringBuilder();
            lane.path("byState").fields().forEachRemaining(e -> states.append(t.get("state." + e.getKey()))
                    .append(' ').append(e.getValue().asInt()).append("; "));
            html.append("<tr><td>").append(lane.path("division").asInt()).append("</td><td class=\"num\">")
                    .append(lane.path("open").asInt()).append("</td><td>").append(Html.esc(states))
                    .append("</td><td class=\"num\">").append(Html.esc(t.fmt("age.minutes",
                            lane.path("oldestAgeSeconds").asLong() / 60))).append("</td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }

    private String filters(PageContext page, Optional<ConnectionRecord> connection, String kind, String filter,
            Optional<Integer> division) {
        ConsoleTexts.Texts t = page.t();
        String d = division.map(v -> "&division=" + v).orElse("");
        StringBuilder html = new StringBuilder("<nav class=\"filters\" aria-label=\"")
                .append(Html.esc(t.get("sync.kinds"))).append("\"><ul>");
        for (String k : KINDS) {
            html.append("<li><a href=\"sync?kind=").append(k).append("&filter=").append(filter).append(d).append('"')
                    .append(k.equals(kind) ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.esc(t.get("kind." + k))).append("</a></li>");
        }
        html.append("</ul></nav><nav class=\"filters\" aria-label=\"").append(Html.esc(t.get("sync.filters")))
                .append("\"><ul>");
        for (String f : FILTERS) {
            html.append("<li><a id=\"filter-").append(f).append("\" href=\"sync?kind=").append(kind).append("&filter=")
                    .append(f).append(d).append('"').append(f.equals(filter) ? " aria-current=\"page\"" : "")
                    .append('>').append(Html.esc(t.get("filter." + f))).append("</a></li>");
        }
        html.append("</ul></nav>");
        if (filter.equals("all")) {
            html.append(DivisionChoice.picker(page, connection, division.orElse(0))
                    .replace("href=\"sync?division=", "href=\"sync?kind=" + kind + "&amp;division="));
        }
        return html.toString();
    }

    private String mappingRows(PageContext page, String kind, int division) {
        ConsoleTexts.Texts t = page.t();
        String after = page.request().query("after").orElse(null);
        MappingPage rows = mappings.page(page.tenant(), division, EntityKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                after, pageSize);
        Map<String, EventRecord> open = openByEntity(page.tenant(), kind);
        StringBuilder html = new StringBuilder("<table id=\"sync-rows\"><caption>")
                .append(Html.esc(t.fmt("sync.caption", t.get("kind." + kind), division))).append("</caption>")
                .append(head(t)).append("<tbody>");
        for (MappingRecord row : rows.records()) {
            String crmId = row.key().crmId();
            EventRecord event = open.remove(crmId);
            // A mapping without an Exact id is a claim still being written; with one, the record exists in Exact.
            String state = row.exactId() == null ? "claimed" : kind.equals("invoice") ? "booked" : "synced";
            html.append(row(page, crmId, state, row.exactCode(), row.updatedAt() == null ? ""
                    : row.updatedAt().toString(), event));
        }
        // Open events of entities this page has no mapping for yet (never synced in any division so far).
        if (after == null) {
            open.forEach((crmId, event) -> html.append(row(page, crmId, "none", null, "", event)));
        }
        html.append("</tbody></table>");
        html.append("<nav class=\"paging\" aria-label=\"").append(Html.esc(t.get("sync.paging"))).append("\"><ul>");
        if (after != null) {
            html.append("<li><a href=\"sync?kind=").append(kind).append("&amp;division=").append(division)
                    .append("\">").append(Html.esc(t.get("sync.first"))).append("</a></li>");
        }
        if (rows.next() != null) {
            html.append("<li><a id=\"next-page\" href=\"sync?kind=").append(kind).append("&amp;division=")
                    .append(division).append("&amp;after=").append(Html.esc(Html.q(rows.next()))).append("\">")
                    .append(Html.esc(t.get("sync.next"))).append("</a></li>");
        }
        return html.append("</ul></nav>").toString();
    }

    private String eventRows(PageContext page, String kind, String filter) {
        ConsoleTexts.Texts t = page.t();
        List<EventRecord> found = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), OPERATOR_ZONE);
        for (EventStatus status : switch (filter) {
            case "failed" -> List.of(EventStatus.FAILED);
            case "waiting" -> List.of(EventStatus.WAITING);
            default -> List.of(EventStatus.ACCEPTED, EventStatus.IN_PROGRESS, EventStatus.WAITING,
                    EventStatus.FAILED);
        }) {
            for (EventRecord event : events.findByStatus(page.tenant(), status, OPEN_EVENTS)) {
                boolean ofKind = event.type().startsWith(kind + ".");
                boolean inPeriod = !filter.equals("today") || (event.acceptedAt() != null
                        && LocalDate.ofInstant(event.acceptedAt(), OPERATOR_ZONE).equals(today));
                if (ofKind && inPeriod) {
                    found.add(event);
                }
            }
        }
        StringBuilder html = new StringBuilder("<table id=\"sync-rows\"><caption>")
                .append(Html.esc(t.fmt("sync.caption.events", t.get("kind." + kind), t.get("filter." + filter))))
                .append("</caption>").append(head(t)).append("<tbody>");
        for (EventRecord event : found) {
            html.append(row(page, entityId(event).orElse("?"), "none", null, "", event));
        }
        html.append("</tbody></table>");
        if (found.isEmpty()) {
            html.append("<p>").append(Html.esc(t.get("sync.empty"))).append("</p>");
        }
        return html.toString();
    }

    private static String head(ConsoleTexts.Texts t) {
        return "<thead><tr><th scope=\"col\">" + Html.esc(t.get("sync.crmId")) + "</th><th scope=\"col\">"
                + Html.esc(t.get("sync.state")) + "</th><th scope=\"col\">" + Html.esc(t.get("sync.exactNumber"))
                + "</th><th scope=\"col\">" + Html.esc(t.get("sync.lastEvent")) + "</th><th scope=\"col\">"
                + Html.esc(t.get("sync.problem")) + "</th><th scope=\"col\">" + Html.esc(t.get("sync.action"))
                + "</th></tr></thead>";
    }

    private String row(PageContext page, String crmId, String state, String exactNumber, String changed,
            EventRecord event) {
        ConsoleTexts.Texts t = page.t();
        String shownState = event == null ? state : stateName(event.status());
        StringBuilder html = new StringBuilder("<tr data-id=\"").append(Html.esc(crmId)).append("\"><th scope=\"row\">")
                .append(Html.esc(crmId)).append("</th><td><span class=\"state ").append(Html.esc(shownState))
                .append("\">").append(Html.esc(t.get("state." + shownState))).append("</span></td><td>")
                .append(Html.esc(exactNumber)).append("</td><td>");
        if (event == null) {
            html.append(Html.esc(changed)).append("</td><td></td><td>");
        } else {
            html.append("<code>").append(Html.esc(event.eventId())).append("</code> ")
                    .append(Html.esc(event.updatedAt())).append("</td><td class=\"reason\">")
                    .append(Html.esc(plainReason(t, event))).append("</td><td>");
            if (event.status() == EventStatus.FAILED || event.status() == EventStatus.WAITING) {
                html.append("<form method=\"post\" action=\"sync?").append(Html.esc(page.request().http()
                        .queryStringParameters().entrySet().stream().map(e -> Html.q(e.getKey()) + "="
                                + Html.q(e.getValue())).reduce((a, b) -> a + "&" + b).orElse("")))
                        .append("\">").append(page.csrf()).append("<input type=\"hidden\" name=\"event\" value=\"")
                        .append(Html.esc(event.eventId())).append("\"><button type=\"submit\" class=\"replay\""
                                + " aria-label=\"").append(Html.esc(t.fmt("sync.replay.label", event.eventId())))
                        .append("\">").append(Html.esc(t.get("sync.replay"))).append("</button></form>");
            }
        }
        return html.append("</td></tr>").toString();
    }

    /** The stored reason with what it means for the operator: whether it retries by itself or needs a replay. */
    private static String plainReason(ConsoleTexts.Texts t, EventRecord event) {
        String reason = event.reason() == null ? "" : event.reason();
        return switch (event.status()) {
            case FAILED -> t.fmt(event.retryable() ? "reason.failed.retryable" : "reason.failed.final", reason);
            case WAITING -> t.fmt("reason.waiting", reason, event.retryAt() == null ? "-" : event.retryAt());
            default -> t.get("reason.working");
        };
    }

    /**
     * Failed and waiting events of this kind by CRM id (the newest of an id wins), from the per-tenant status index:
     * the rows' last problem. Accepted and running events pass within seconds; the backlog table counts them.
     */
    private Map<String, EventRecord> openByEntity(String tenant, String kind) {
        Map<String, EventRecord> open = new HashMap<>();
        for (EventStatus status : List.of(EventStatus.WAITING, EventStatus.FAILED)) {
            for (EventRecord event : events.findByStatus(tenant, status, OPEN_EVENTS)) {
                if (event.type().startsWith(kind + ".")) {
                    entityId(event).ifPresent(id -> open.merge(id, event, (a, b) ->
                            a.acceptedAt() != null && b.acceptedAt() != null && a.acceptedAt().isAfter(b.acceptedAt())
                                    ? a : b));
                }
            }
        }
        return open;
    }

    /** The CRM id the event changes ({@code data.id}); only the id is read from the stored body. */
    private Optional<String> entityId(EventRecord event) {
        try {
            JsonNode id = answers.mapper().readTree(event.body()).path("data").path("id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String stateName(EventStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
