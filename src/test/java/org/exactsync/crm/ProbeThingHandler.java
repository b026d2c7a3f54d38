package org.exactsync.crm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;

/** A handler bean for wiring tests: {@code probe.happened}, fails finally when {@code data.fail} is true. */
@ApplicationScoped
public class ProbeThingHandler implements EventHandler<ProbeThingHandler.Probe> {

    /** The probe's data. */
    public record Probe(String id, boolean fail) {
    }

    @Override
    public String type() {
        return "probe.happened";
    }

    @Override
    public Class<Probe> dataType() {
        return Probe.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return data.hasNonNull("id") ? List.of() : List.of(new Problem("data.id", "is required"));
    }

    @Override
    public Outcome process(AcceptedEvent<Probe> event) {
        return event.data().fail()
                ? new Outcome.Failed("probe asked to fail", false)
                : new Outcome.Done(List.of(event.divisions()));
    }
}
