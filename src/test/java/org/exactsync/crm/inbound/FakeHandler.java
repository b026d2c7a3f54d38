package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** A handler for the test event type {@code thing.upserted}: requires {@code data.name}, answers what it is told. */
class FakeHandler implements EventHandler<FakeHandler.Thing> {

    record Thing(String id, String name, int count) {
    }

    final List<AcceptedEvent<Thing>> processed = new CopyOnWriteArrayList<>();
    private volatile Function<AcceptedEvent<Thing>, Outcome> answer = event -> new Outcome.Done(
            List.of(new Result(event.divisions().get(0), "guid-" + event.data().id())));

    record Result(int division, String exactId) {
    }

    void answers(Function<AcceptedEvent<Thing>, Outcome> answer) {
        this.answer = answer;
    }

    @Override
    public String type() {
        return "thing.upserted";
    }

    @Override
    public Class<Thing> dataType() {
        return Thing.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        List<Problem> problems = new ArrayList<>();
        JsonNode name = data.get("name");
        if (name == null || name.isNull()) {
            problems.add(new Problem("data.name", "is required"));
        } else if (!name.isTextual()) {
            problems.add(new Problem("data.name", "must be a string"));
        }
        return problems;
    }

    @Override
    public Outcome process(AcceptedEvent<Thing> event) {
        processed.add(event);
        return answer.apply(event);
    }
}
