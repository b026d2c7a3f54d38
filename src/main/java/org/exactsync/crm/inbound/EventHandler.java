package org.exactsync.crm.inbound;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One CRM event type plugged into the shared {@link InboundPipeline}. Implementations are CDI beans; the local
 * gateway finds them by {@link #type()}.
 *
 * @param <D> the record {@code data} binds to
 */
public interface EventHandler<D> {

    /** The envelope {@code type} this handler takes, e.g. {@code relation.upserted}. */
    String type();

    /** The record {@code data} binds to after validation. */
    Class<D> dataType();

    /**
     * Field-level problems of the raw {@code data} object (wrong types, missing or over-long fields, bad formats).
     * Pure: no I/O. Paths start with {@code data.}. An empty list means valid. Called before anything is stored.
     */
    List<Problem> validate(JsonNode data);

    /**
     * Does the work; called after durable acceptance, and again on retries and replays, so it must be idempotent.
     */
    Outcome process(AcceptedEvent<D> event);
}
