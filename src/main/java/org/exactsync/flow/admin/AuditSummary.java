package org.exactsync.flow.admin;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.inbound.HttpResponseEvent;

/**
 * The audit trail's "what changed", in a few words and ids only: divisions, mode, event and relation ids, never a
 * body's values (a ledger mapping is named, not copied; a relation's data never appears).
 */
final class AuditSummary {

    private AuditSummary() {
    }

    /** The summary of one admin request; {@code json} reads the request and answer bodies. */
    static String of(AdminPath path, byte[] body, HttpResponseEvent answer, ObjectMapper json) {
        if (answer.statusCode() >= 300) {
            return "refused: " + field(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), "error", json);
        }
        JsonNode request = tree(body, json);
        if (path.matches("divisions")) {
            return "divisions " + request.path("divisions") + " defaults " + request.path("defaultDivisions");
        }
        if (path.matches("mode")) {
            return "mode " + request.path("mode").asText();
        }
        if (path.matches("events", "*", "replay")) {
            return "replay of event " + path.segments().get(1);
        }
        if (path.matches("divisions", "*", "ledger-mapping")) {
            return "ledger mapping of division " + path.segments().get(1) + " replaced";
        }
        if (path.matches("relations", "*", "erasure")) {
            JsonNode result = tree(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
            return "relation " + path.segments().get(1) + " erased: " + result.path("mappingsCleared").asInt()
                    + " mappings, " + result.path("eventsRedacted").asInt() + " events, "
                    + result.path("callbacksDeleted").asInt() + " callbacks";
        }
        return String.join("/", path.segments());
    }

    private static String field(byte[] body, String name, ObjectMapper json) {
        return tree(body, json).path(name).asText("");
    }

    private static JsonNode tree(byte[] body, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (IOException unreadable) {
            return json.missingNode();
        }
    }
}
