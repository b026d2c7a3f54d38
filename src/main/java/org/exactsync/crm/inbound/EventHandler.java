package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

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
     * The CRM entities ({@code kind:id}, as callbacks key them) that must be synced before this event can be, e.g. an
     * invoice's relation. The replay does not start the event while an older open event of one of them waits in the
     * same lane; the handler still checks for itself (it answers Waiting when a dependency is missing).
     */
    default List<String> prerequisites(D data) {
        return List.of();
    }

    /**
     * Does the work; called after durable acceptance, and again on retries and replays, so it must be idempotent.
     */
    Outcome process(AcceptedEvent<D> event);
}
