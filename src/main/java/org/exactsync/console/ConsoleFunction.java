package org.exactsync.console;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;

import io.quarkus.funqy.Funq;

/** {@code ANY /console/{proxy+}}: the operator console ({@link Console}). */
public class ConsoleFunction {

    private final Console console;

    public ConsoleFunction(Console console) {
        this.console = console;
    }

    @Funq("console")
    public HttpResponseEvent handle(HttpRequestEvent request) {
        return console.handle(request);
    }
}
