package org.exactsync.flow.payment.report;

import org.exactsync.crm.inbound.HttpRequestEvent;

import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code GET /crm/receivables} (API Gateway proxy): a relation's open receivables (see {@link ReceivablesReportEndpoint}). */
public class ReceivablesReportFunction {

    private final ReceivablesReportEndpoint endpoint;

    public ReceivablesReportFunction(ReceivablesReportEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Funq("receivables-report")
    public HttpResponseEvent report(HttpRequestEvent request) {
        return endpoint.handle(request);
    }
}
