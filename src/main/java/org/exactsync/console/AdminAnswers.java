package org.exactsync.console;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.exactsync.crm.inbound.HttpResponseEvent;

/** Reads the JSON answers of the admin services the console reuses (the same answers the JSON admin routes give). */
@ApplicationScoped
public class AdminAnswers {

    private final ObjectMapper json;

    public AdminAnswers(ObjectMapper json) {
        this.json = json;
    }

    JsonNode body(HttpResponseEvent answer) {
        try {
            return answer.body() == null || answer.body().isEmpty() ? MissingNode.getInstance()
                    : json.readTree(answer.body());
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    <T> T read(HttpResponseEvent answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException notTheType) {
            throw new IllegalStateException("unexpected admin answer for " + type.getSimpleName(), notTheType);
        }
    }

    /** The {@code message} of an error answer (the service's own words, ids only). */
    String message(HttpResponseEvent answer) {
        return body(answer).path("message").asText("");
    }

    ObjectMapper mapper() {
        return json;
    }
}
