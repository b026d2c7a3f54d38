package org.exactsync.flow.relation;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;

import io.quarkus.funqy.Funq;

/** {@code POST /crm/relations}: the shared inbound pipeline with the {@code relation.upserted} handler. */
public class RelationUpsertFunction {

    private final InboundPipeline pipeline;
    private final RelationUpsertHandler handler;

    public RelationUpsertFunction(InboundPipeline pipeline, RelationUpsertHandler handler) {
        this.pipeline = pipeline;
        this.handler = handler;
    }

    @Funq("relation-upsert")
    public HttpResponseEvent upsert(HttpRequestEvent request) {
        return pipeline.handle(request, handler);
    }
}
