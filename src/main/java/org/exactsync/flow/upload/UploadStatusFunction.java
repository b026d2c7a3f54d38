package org.exactsync.flow.upload;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code GET} an upload's progress, for the CRM and the operator (see {@link UploadStatusEndpoint}). */
public class UploadStatusFunction {

    private final UploadStatusEndpoint endpoint;

    public UploadStatusFunction(UploadStatusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Funq("relation-upload-status")
    public HttpResponseEvent status(HttpRequestEvent request) {
        return endpoint.handle(request);
    }
}
