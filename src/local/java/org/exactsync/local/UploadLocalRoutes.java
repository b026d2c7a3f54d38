package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.upload.RelationUpload;

/**
 * The bulk upload's local route, {@code POST /crm/relations/uploads}. Its progress routes carry the upload id in the
 * path, which the local gateway's exact-path routes do not serve; the drain and the callbacks run in-process as usual.
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class UploadLocalRoutes {

    @Produces
    LocalHttpRoute relationUpload(RelationUpload upload) {
        return new LocalHttpRoute() {
            @Override
            public String path() {
                return "/crm/relations/uploads";
            }

            @Override
            public HttpResponseEvent handle(String method, HttpRequestEvent request, Map<String, String> query) {
                return "POST".equals(method) ? upload.receive(request)
                        : HttpResponseEvent.json(405, "{\"error\":\"method\",\"message\":\"use POST\"}");
            }
        };
    }
}
