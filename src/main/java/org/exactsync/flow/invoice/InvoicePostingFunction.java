package org.exactsync.flow.invoice;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.InboundPipeline;

import io.quarkus.funqy.Funq;

/** {@code POST /crm/invoices}: the shared inbound pipeline with the {@code invoice.created} handler. */
public class InvoicePostingFunction {

    private final InboundPipeline pipeline;
    private final InvoicePostingHandler handler;

    public InvoicePostingFunction(InboundPipeline pipeline, InvoicePostingHandler handler) {
        this.pipeline = pipeline;
        this.handler = handler;
    }

    @Funq("invoice-posting")
    public HttpResponseEvent post(HttpRequestEvent request) {
        return pipeline.handle(request, handler);
    }
}
