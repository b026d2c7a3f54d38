package org.exactsync.flow.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.EventReplayer;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.flow.connect.Answers;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.EventStore;

/**
 * The operations part of the tenant admin: one event's state, a tenant's open events by status, its backlog per
 * division, and an operator's replay of a failed event (run through the {@link EventReplayer}, the same path the
 * scheduled replay takes).
 */
@ApplicationScoped
public class EventAdmin {

    static final int MAX_LIST = 100;

    private final EventStore events;
    private final EventReplayer replayer;
    private final ObjectMapper json;
    private final Answers answers;
    private final LaneBacklogs backlogs;

    @Inject
    public EventAdmin(EventStore events, EventReplayer replayer, ObjectMapper json, Clock clock) {
        this.events = events;
        this.replayer = replayer;
        this.json = json;
        this.answers = new Answers(json);
        this.backlogs = new LaneBacklogs(events, clock);
    }

    /** For tests and tools that do not read the backlog route's ages. */
    public EventAdmin(EventStore events, EventReplayer replayer, ObjectMapper json) {
        this(events, replayer, json, Clock.systemUTC());
    }

    /**
     * {@code GET backlog}: per division with open events, how many (per state), how many waiting ones are due, and
     * the age of the oldest; {@code draining} while a replay run holds the division.
     */
    public HttpResponseEvent backlog(String tenant) {
        List<LaneBacklog> lanes = backlogs.tenant(tenant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant);
        body.put("open", lanes.stream().mapToInt(LaneBacklog::open).sum());
        body.put("oldestAgeSeconds", lanes.stream().mapToLong(LaneBacklog::oldestAgeSeconds).max().orElse(0));
        body.put("divisions", lanes);
        return answers.json(200, body);
    }

    /** {@code GET events/<id>}. */
    public HttpResponseEvent event(String tenant, String eventId) {
        return events.find(tenant, eventId)
                .map(record -> answers.json(200, view(record)))
                .orElseGet(() -> answers.error(404, "not-found", "no event " + eventId + " for tenant " + tenant));
    }

    /** {@code GET events?status=<s>&limit=<n>}: open events, oldest first. */
    public HttpResponseEvent open(String tenant, Optional<String> status, Optional<String> limit) {
        Optional<EventStatus> parsed = status.map(EventAdmin::parseStatus).orElse(Optional.of(EventStatus.FAILED));
        if (parsed.isEmpty() || parsed.get() == EventStatus.DONE) {
            return answers.error(400, "validation", "status must be one of accepted, in-progress, waiting, failed"
                    + " (done events are not listed)");
        }
        int n;
        try {
            n = limit.map(Integer::parseInt).orElse(50);
        } catch (NumberFormatException notANumber) {
            return answers.error(400, "validation", "limit must be a number from 1 to " + MAX_LIST);
        }
        if (n < 1 || n > MAX_LIST) {
            return answers.error(400, "validation", "limit must be a number from 1 to " + MAX_LIST);
        }
        List<EventView> found = events.findByStatus(tenant, parsed.get(), n).stream().map(this::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant);
        body.put("status", stateName(parsed.get()));
        body.put("events", found);
        return answers.json(200, body);
    }

    /** {@code POST events/<id>/replay}: only a FAILED event (retryable or not) is replayed on demand. */
    public HttpResponseEvent replay(String tenant, String eventId, ReplayRequest request) {
        if (request == null || !eventId.equals(request.eventId())) {
            return answers.error(400, "validation", "the body must name the same eventId as the path");
        }
        Optional<EventRecord> stored = events.find(tenant, eventId);
        if (stored.isEmpty()) {
            return answers.error(404, "not-found", "no event " + eventId + " for tenant " + tenant);
        }
        if (stored.get().status() != EventStatus.FAILED) {
            return answers.error(409, "not-failed", "event " + eventId + " is " + stateName(stored.get().status())
                    + "; only failed events are replayed on demand (waiting ones retry by themselves)");
        }
        if (!replayer.handles(stored.get().type())) {
            return answers.error(409, "no-handler", "no flow for " + stored.get().type() + " is deployed here");
        }
        Optional<Outcome> outcome = replayer.replayNow(stored.get());
        if (outcome.isEmpty()) {
            return answers.error(409, "busy", "event " + eventId + " is being worked on; look again in a moment");
        }
        return events.find(tenant, eventId).map(record -> answers.json(200, view(record)))
                .orElseGet(() -> answers.error(404, "not-found", "event " + eventId + " disappeared"));
    }

    EventView view(EventRecord record) {
        boolean finished = record.status() == EventStatus.FAILED || record.status() == EventStatus.DONE;
        return new EventView(record.eventId(), record.type(), stateName(record.status()),
                record.status() == EventStatus.WAITING || record.status() == EventStatus.FAILED ? record.reason()
                        : null,
                record.status() == EventStatus.FAILED ? record.retryable() : null, record.attempts(),
                text(record.acceptedAt()), text(record.updatedAt()),
                record.status() == EventStatus.WAITING ? text(record.retryAt()) : null,
                finished ? parse(record.result()) : null);
    }

    private JsonNode parse(String result) {
        if (result == null) {
            return null;
        }
        try {
            return json.readTree(result);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String stateName(EventStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<EventStatus> parseStatus(String text) {
        for (EventStatus status : EventStatus.values()) {
            if (stateName(status).equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
