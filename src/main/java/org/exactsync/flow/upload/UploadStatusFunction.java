package org.exactsync.flow.upload;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/**
 * {@code GET} an upload's progress: the CRM's route and the operator's, each deployed as its own function (one route
 * per function), both answered by {@link UploadStatusEndpoint}.
 */
public class UploadStatusFunction {

    private final UploadStatusEndpoint endpoint;

    public UploadStatusFunction(UploadStatusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Funq("relation-upload-status")
    public HttpResponseEvent status(HttpRequestEvent request) {
        return endpoint.handle(request);
    }

    @Funq("relation-upload-admin-status")
    public HttpResponseEvent adminStatus(HttpRequestEvent request) {
        return endpoint.handle(request);
    }
}
