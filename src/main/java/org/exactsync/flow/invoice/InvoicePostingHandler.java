package org.exactsync.flow.invoice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.crm.inbound.Problem;
import org.exactsync.exact.ExactAuthException;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.ExactRateLimitedException;
import org.exactsync.exact.ExactTransientException;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.EventTargets;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.InvoiceValidator;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.jboss.logging.Logger;

/**
 * {@code invoice.created}: the CRM invoice booked as a sales entry in its division, exactly once. An invoice belongs
 * to one administration, so the event must target exactly one division.
 */
@ApplicationScoped
public class InvoicePostingHandler implements EventHandler<InvoiceCreated> {

    public static final String TYPE = "invoice.created";
    private static final Logger LOG = Logger.getLogger(InvoicePostingHandler.class);

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
        EventTargets targets = EventTargets.resolve(connections, event);
        if (targets instanceof EventTargets.Refused refused) {
            return refused.failure();
        }
        EventTargets.Usable usable = (EventTargets.Usable) targets;
        ConnectionRecord connection = usable.connection();
        List<Integer> divisions = usable.divisions();
        if (divisions.size() != 1) {
            return new Outcome.Failed("an invoice is booked in exactly one division; the event targets "
                    + divisions.size(), false);
        }
        int division = divisions.get(0);
        InvoiceCreated invoice = event.data();
        ExactTarget target = new ExactTarget(connection.tokenKey(), division);
        boolean dryRun = connection.mode() == SyncMode.DRY_RUN;
        try {
            return booking.book(target, event.eventId(), invoice, dryRun);
        } catch (ExactValidationException rejected) {
            if (InvoiceBooking.isGatewayStatus(rejected.status())) {
                // The client reads any error body as a rejection; a gateway or unavailable status never is one.
                return new Outcome.Waiting("division " + division + ": Exact answered " + rejected.status());
            }
            // Never retried: Exact would reject the same data again, and each 400 counts toward its error block.
            return new Outcome.Failed("Exact rejected invoice " + invoice.id() + " in division " + division + ": "
                    + rejected.exactMessage(), false);
        } catch (ExactRateLimitedException | ExactTransientException wait) {
            LOG.infof("invoice %s waits in division %d: %s", invoice.id(), division, wait.getClass().getSimpleName());
            return new Outcome.Waiting("division " + division + ": " + wait.getMessage());
        } catch (ExactAuthException consent) {
            return new Outcome.Failed("Exact consent needed for tenant " + event.tenant() + ": "
                    + consent.getMessage(), true);
        } catch (ExactException other) {
            return new Outcome.Failed("Exact failed for invoice " + invoice.id() + " in division " + division + ": "
                    + other.getMessage(), true);
        }
    }
}
