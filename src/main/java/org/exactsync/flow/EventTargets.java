package org.exactsync.flow;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionStore;

/**
 * Where an accepted CRM event goes, shared by every flow: the tenant's usable Exact connection and the target
 * divisions (the event's, else the tenant's defaults), each checked to be connected — or the failure to report.
 * Re-read on every attempt, because a connection can need consent again between a delivery and its replay.
 */
public sealed interface EventTargets {

    /** The event can go ahead: the connection (active) and its divisions, in the event's order. */
    record Usable(ConnectionRecord connection, List<Integer> divisions) implements EventTargets {

        public Usable {
            divisions = List.copyOf(divisions);
        }
    }

    /** The event cannot go ahead; {@code failure} says why and whether a replay can help. */
    record Refused(Outcome.Failed failure) implements EventTargets {
    }

    /** The event's outcome: {@code work} on the usable targets, else the refusal (nothing of {@code work} runs). */
    default Outcome then(Function<Usable, Outcome> work) {
        return this instanceof Refused refused ? refused.failure() : work.apply((Usable) this);
    }

    /**
     * Resolves the targets of {@code event} from the tenant's stored connection: the one the inbound pipeline read
     * for this very attempt when it passed it on, else a fresh read.
     */
    static EventTargets resolve(ConnectionStore connections, AcceptedEvent<?> event) {
        Optional<ConnectionRecord> connection = event.connection() != null
                && event.connection().tenant().equals(event.tenant())
                        ? Optional.of(event.connection())
                        : connections.find(event.tenant());
        if (connection.isEmpty() || connection.get().status() != ConnectionStatus.ACTIVE) {
            // Retryable: once a person consents again, a replay completes the event.
            return new Refused(new Outcome.Failed("tenant " + event.tenant()
                    + " has no usable Exact connection; connect again", true));
        }
        List<Integer> divisions = event.divisions().isEmpty() ? connection.get().defaultDivisions()
                : event.divisions();
        if (divisions.isEmpty()) {
            return new Refused(new Outcome.Failed(
                    "no target division: the event names none and the tenant has no default", false));
        }
        for (int division : divisions) {
            if (!connection.get().divisions().contains(division)) {
                return new Refused(new Outcome.Failed("division " + division + " is not connected for tenant "
                        + event.tenant(), false));
            }
        }
        return new Usable(connection.get(), divisions);
    }
}
