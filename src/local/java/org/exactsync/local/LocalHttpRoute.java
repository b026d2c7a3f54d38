package org.exactsync.local;

import java.util.Map;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

/**
 * A route of the local API Gateway that is not a CRM event route (e.g. Exact's webhook POSTs, query GETs): the
 * gateway hands it the request as the proxy event its function would get.
 */
public interface LocalHttpRoute {

    /** The path served, e.g. {@code /exact/webhooks}. */
    String path();

    /**
     * Answers one request.
     *
     * @param method  HTTP method
     * @param request path, headers and the raw body (base64)
     * @param query   query parameters (first value each, decoded)
     */
    HttpResponseEvent handle(String method, HttpRequestEvent request, Map<String, String> query);
}
