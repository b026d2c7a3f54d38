package org.exactsync.flow.project;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;

import io.quarkus.funqy.Funq;

/** {@code POST /crm/projects}: the shared inbound pipeline with the {@code project.upserted} handler. */
public class ProjectSyncFunction {

    private final InboundPipeline pipeline;
    private final ProjectSyncHandler handler;

    public ProjectSyncFunction(InboundPipeline pipeline, ProjectSyncHandler handler) {
        this.pipeline = pipeline;
        this.handler = handler;
    }

    @Funq("project-sync")
    public HttpResponseEvent sync(HttpRequestEvent request) {
        return pipeline.handle(request, handler);
    }
}
