package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code GET /exact/connect} and {@code GET /exact/callback}: the OAuth consent, one Lambda export each. */
public class ConnectFunctions {

    private final ConnectStart start;
    private final ConnectCallback callback;

    public ConnectFunctions(ConnectStart start, ConnectCallback callback) {
        this.start = start;
        this.callback = callback;
    }

    @Funq("connect-start")
    public HttpResponseEvent start(HttpRequestEvent request) {
        return start.start(request);
    }

    @Funq("connect-callback")
    public HttpResponseEvent callback(HttpRequestEvent request) {
        return callback.callback(request);
    }
}
