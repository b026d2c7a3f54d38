package org.exactsync.flow.invoice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.EventTargets;
import org.exactsync.flow.ExactOutcomes;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.InvoiceValidator;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;

/**
 * {@code invoice.created}: the CRM invoice booked as a sales entry in its division, exactly once. An invoice belongs
 * to one administration, so the event must target exactly one division.
 */
@ApplicationScoped
public class InvoicePostingHandler implements EventHandler<InvoiceCreated> {

    public static final String TYPE = "invoice.created";

    private final InvoiceValidator validator = new InvoiceValidator();
    private final InvoiceBooking booking;
    private final ConnectionStore connections;

    public InvoicePostingHandler(InvoiceBooking booking, ConnectionStore connections) {
        this.booking = booking;
        this.connections = connections;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<InvoiceCreated> dataType() {
        return InvoiceCreated.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return validator.validate(data);
    }

    /** Its relation and the projects of its lines: the booking waits for their mappings. */
    @Override
    public List<String> prerequisites(InvoiceCreated invoice) {
        List<String> entities = new java.util.ArrayList<>();
        if (invoice.relationId() != null) {
            entities.add("relation:" + invoice.relationId());
        }
        invoice.lines().stream().map(line -> line.projectId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(project -> entities.add("project:" + project));
        return entities;
    }

    @Override
    public Outcome process(AcceptedEvent<InvoiceCreated> event) {
        return EventTargets.resolve(connections, event).then(targets -> book(event, targets));
    }

    private Outcome book(AcceptedEvent<InvoiceCreated> event, EventTargets.Usable targets) {
        List<Integer> divisions = targets.divisions();
        if (divisions.size() != 1) {
            return new Outcome.Failed("an invoice is booked in exactly one division; the event targets "
                    + divisions.size(), false);
        }
        int division = divisions.get(0);
        InvoiceCreated invoice = event.data();
        ConnectionRecord connection = targets.connection();
        ExactTarget target = new ExactTarget(connection.tokenKey(), division);
        boolean dryRun = connection.mode() == SyncMode.DRY_RUN;
        try {
            return booking.book(target, event.eventId(), invoice, dryRun);
        } catch (ExactException failure) {
            // The booking gave its claim up before throwing: a replay takes over and looks the entry up first.
            return ExactOutcomes.of(failure, "invoice " + invoice.id(), division, event.tenant());
        }
    }
}
