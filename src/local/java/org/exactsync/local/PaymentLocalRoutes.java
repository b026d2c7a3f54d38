package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.flow.payment.report.ReceivablesReportEndpoint;
import org.exactsync.flow.payment.webhook.ExactWebhookHandler;

/** The payment flow's local routes: {@code POST /exact/webhooks} and {@code GET /crm/receivables}. */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class PaymentLocalRoutes {

    @Produces
    LocalHttpRoute exactWebhooks(ExactWebhookHandler handler) {
        return new Route("/exact/webhooks", (method, request, query) -> "POST".equals(method)
                ? handler.handle(request) : methodNotAllowed("POST"));
    }

    @Produces
    LocalHttpRoute receivables(ReceivablesReportEndpoint endpoint) {
        return new Route("/crm/receivables", (method, request, query) -> "GET".equals(method)
                ? endpoint.handle(new HttpRequestEvent(method, null, request.path(), request.rawPath(),
                        request.headers(), query, request.body(), request.isBase64Encoded()))
                : methodNotAllowed("GET"));
    }

    private static HttpResponseEvent methodNotAllowed(String allowed) {
        return HttpResponseEvent.json(405, "{\"error\":\"method\",\"message\":\"use " + allowed + "\"}");
    }

    private record Route(String path, Handler handler) implements LocalHttpRoute {
        @Override
        public HttpResponseEvent handle(String method, org.exactsync.crm.inbound.HttpRequestEvent request,
                Map<String, String> query) {
            return handler.handle(method, request, query);
        }
    }

    private interface Handler {
        HttpResponseEvent handle(String method, org.exactsync.crm.inbound.HttpRequestEvent request,
                Map<String, String> query);
    }
}
