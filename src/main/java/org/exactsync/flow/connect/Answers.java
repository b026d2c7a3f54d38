package org.exactsync.flow.connect;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.exactsync.crm.inbound.HttpResponseEvent;

/** JSON answers of the connect and admin routes, in the contract's error shape {@code {"error","message"}}. */
public final class Answers {

    /** Immutable and thread-safe (unlike a mapper, a writer cannot be reconfigured). */
    private final ObjectWriter writer;

    /** Answers written by {@code json}, the application's mapper. */
    public Answers(ObjectMapper json) {
        this.writer = json.writer();
    }

    /** An error answer. */
    public HttpResponseEvent error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    /** Any value as a JSON answer. */
    public HttpResponseEvent json(int status, Object body) {
        try {
            return new HttpResponseEvent(status, Map.of("Content-Type", "application/json", "Cache-Control",
                    "no-store"), writer.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("answer not serialisable", impossible);
        }
    }
}
