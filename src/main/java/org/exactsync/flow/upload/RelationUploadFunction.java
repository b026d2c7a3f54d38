package org.exactsync.flow.upload;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code POST /crm/relations/uploads}: one part of a bulk relation upload (see {@link RelationUpload}). */
public class RelationUploadFunction {

    private final RelationUpload upload;

    public RelationUploadFunction(RelationUpload upload) {
        this.upload = upload;
    }

    @Funq("relation-upload")
    public HttpResponseEvent upload(HttpRequestEvent request) {
        return upload.receive(request);
    }
}
