package org.exactsync.crm.inbound;

import org.exactsync.validation.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A handler with a flow's real validation and data record whose processing only counts: for the fuzzer, reaching
 * {@link #process} with a malformed event is the failure (that is where Exact would be called).
 */
final class ValidatingOnlyHandler<D> implements EventHandler<D> {

    private final String type;
    private final Class<D> dataType;
    private final Function<JsonNode, List<Problem>> validation;
    final AtomicInteger processed = new AtomicInteger();

    ValidatingOnlyHandler(String type, Class<D> dataType, Function<JsonNode, List<Problem>> validation) {
        this.type = type;
        this.dataType = dataType;
        this.validation = validation;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Class<D> dataType() {
        return dataType;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return validation.apply(data);
    }

    @Override
    public Outcome process(AcceptedEvent<D> event) {
        processed.incrementAndGet();
        return new Outcome.Failed("the fuzzer's events must never be processed", false);
    }
}
