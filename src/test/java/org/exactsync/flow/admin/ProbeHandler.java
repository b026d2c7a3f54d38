package org.exactsync.flow.admin;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.jboss.logging.MDC;

/** Test event type {@code probe.checked}: answers what it is told and remembers the log context it ran under. */
class ProbeHandler implements EventHandler<ProbeHandler.Probe> {

    record Probe(String id) {
    }

    volatile Function<AcceptedEvent<Probe>, Outcome> answer = event -> new Outcome.Done(List.of(event.data().id()));
    volatile Object mdcTenant;
    volatile Object mdcCrmId;

    @Override
    public String type() {
        return "probe.checked";
    }

    @Override
    public Class<Probe> dataType() {
        return Probe.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return List.of();
    }

    @Override
    public Outcome process(AcceptedEvent<Probe> event) {
        mdcTenant = MDC.get("tenant");
        mdcCrmId = MDC.get("crmId");
        return answer.apply(event);
    }
}
