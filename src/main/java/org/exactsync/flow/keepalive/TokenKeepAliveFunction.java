package org.exactsync.flow.keepalive;

import io.quarkus.funqy.Funq;

/** Daily schedule (EventBridge in the cloud): keeps every tenant's Exact token chain alive. */
public class TokenKeepAliveFunction {

    private final TokenKeepAliveService service;

    public TokenKeepAliveFunction(TokenKeepAliveService service) {
        this.service = service;
    }

    @Funq("token-keepalive")
    public KeepAliveReport keepAlive(ScheduledTick tick) {
        return service.keepAliveAll();
    }
}
